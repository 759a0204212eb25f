package facts

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One thing happened. Another followed.", []string{"One thing happened.", "Another followed."}},
		{"question and exclamation", "Was it true? Yes! It was.", []string{"Was it true?", "Yes!", "It was."}},
		{"title abbreviation", "Dr. Ali met Mr. Khan in Lahore. They talked.", []string{"Dr. Ali met Mr. Khan in Lahore.", "They talked."}},
		{"initials", "The report by J. R. Smith was published. It sold well.", []string{"The report by J. R. Smith was published.", "It sold well."}},
		{"decimal", "Growth was 3.5 percent. Inflation fell.", []string{"Growth was 3.5 percent.", "Inflation fell."}},
		{"dotted acronym mid sentence", "The U.S. Congress voted. It passed.", []string{"The U.S. Congress voted.", "It passed."}},
		{"dotted acronym at end", "He moved to the U.S. The move was quick.", []string{"He moved to the U.S.", "The move was quick."}},
		{"e.g. lower case", "Threats, e.g. cyber attacks, grew. Work began.", []string{"Threats, e.g. cyber attacks, grew.", "Work began."}},
		{"quote ends sentence", `He said "we will act." Then he left.`, []string{`He said "we will act."`, "Then he left."}},
		{"quote continues", `"Is it over?" he asked. Nobody knew.`, []string{`"Is it over?" he asked.`, "Nobody knew."}},
		{"curly quotes", "She said “it is done.” Talks ended.", []string{"She said “it is done.”", "Talks ended."}},
		{"month abbreviation", "It began on Feb. 20 in Brussels. It ended.", []string{"It began on Feb. 20 in Brussels.", "It ended."}},
		{"ellipsis", "Wait... Then go.", []string{"Wait...", "Then go."}},
		{"number after period", "The vote was close. 52 members agreed.", []string{"The vote was close.", "52 members agreed."}},
		{"no final period", "A headline without a stop", []string{"A headline without a stop"}},
		{"lower case after period", "The no. of cases rose. It was bad.", []string{"The no. of cases rose.", "It was bad."}},
		{"spaces", "  One.   Two.  ", []string{"One.", "Two."}},
		{"words that are abbreviations elsewhere", "The cat sat. The sun set. He said no. They run the co. Now it ends.",
			[]string{"The cat sat.", "The sun set.", "He said no.", "They run the co.", "Now it ends."}},
		{"their abbreviations", "Smith & Co. Ltd sold it on Sat. Jan 4. It was No. 5 in sales.",
			[]string{"Smith & Co. Ltd sold it on Sat. Jan 4.", "It was No. 5 in sales."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitSentences(tt.in) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
