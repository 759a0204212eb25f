package prose

import (
	"fmt"
	"slices"
	"testing"
)

func TestTag(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "kind:text", in text order; others may also be present
	}{
		{"On February 20, 2025, Pakistan and the EU held talks in Brussels.",
			[]string{"date:February 20, 2025", "place:Pakistan", "org:EU", "place:Brussels"}},
		{"Delegations were led by Maciej Stadejek, Director for Security and Defence Policy of the European External Action Service.",
			[]string{"person:Maciej Stadejek", "title:Director for Security and Defence Policy", "org:European External Action Service"}},
		{"Abdul Hameed, Director General for Counter-Terrorism at Pakistan’s Ministry of Foreign Affairs, spoke.",
			[]string{"person:Abdul Hameed", "title:Director General for Counter-Terrorism", "org:Pakistan’s Ministry of Foreign Affairs", "place:Pakistan", "org:Ministry of Foreign Affairs"}},
		{"Furthermore, EU Special Representative for Human Rights, Ambassador Olof Skoog, made a week-long visit in January.",
			[]string{"title:EU Special Representative for Human Rights", "title:Ambassador", "person:Olof Skoog", "duration:week-long", "date:January"}},
		{"Ambassador Skoog engaged with government officials and human rights defenders.",
			[]string{"title:Ambassador", "person:Skoog", "group:government officials", "group:human rights defenders"}},
		{"They held their ninth dialogue under the 2019 Strategic Engagement Plan.",
			[]string{"number:ninth", "date:2019", "misc:Strategic Engagement Plan"}},
		{"The situation in Afghanistan and the Middle East was discussed.",
			[]string{"place:Afghanistan", "place:Middle East"}},
		{"The talks lasted three days and cost 12 million euros.",
			[]string{"duration:three days", "number:12 million euros"}},
		{"Revenue rose 9.4% to €842 million, about NZ$6.4 million more.", []string{"number:9.4%", "number:€842 million", "number:about NZ$6.4 million"}},
		{"Eastfield won 3-1 and the motion passed by 68 votes to 52.", []string{"number:3-1", "number:68 votes to 52"}},
		{"Solberg, a 47-year-old former minister, and trees more than 30 years old.", []string{"number:47-year-old", "number:more than 30 years old"}},
		{"At least 23 people died, and as many as 40 homes and at most 12 schools were hit.", []string{"number:At least 23 people", "number:as many as 40 homes", "number:at most 12 schools"}},
		{"The summit opened on 3 March 2024 in New Delhi.", []string{"date:3 March 2024", "place:New Delhi"}},
		// A titled person of a body is a person and a body, not one name.
		{"Analyst Jonathan Reyes of Calder Brothers said the fine was manageable.",
			[]string{"title:Analyst", "person:Jonathan Reyes", "org:Calder Brothers"}},
		{"Professor Mei Tanaka of Kyoto University led it, said excavation director Hakan Erdem of Anatolian Heritage University.",
			[]string{"title:Professor", "person:Mei Tanaka", "org:Kyoto University", "person:Hakan Erdem", "org:Anatolian Heritage University"}},
		{"The Bank of England raised rates.", []string{"org:Bank of England"}},
		{"The Governor of the Bank of England and the President of the Union Bank of Nigeria spoke.",
			[]string{"title:Governor", "org:Bank of England", "title:President", "org:Union Bank of Nigeria"}},
		// An hour with "am" or "pm" is a time of day, not an amount or an office.
		{"The strike began at 4am and the rally at 6 p.m., ending by 9 PM.", []string{"date:4am", "date:6 p.m", "date:9 PM"}},
		{"It started shortly after 2:30pm and ended at about 4:10 a.m.", []string{"date:shortly after 2:30pm", "date:about 4:10 a.m"}},
		{"It struck at 4:17 a.m. local time on Tuesday and at 4am on 15 September.", []string{"date:4:17 a.m. local time on Tuesday", "date:4am on 15 September"}},
		{"Talks resume at 10 a.m. on Wednesday, not at 9 on Monday.", []string{"date:10 a.m. on Wednesday", "date:Monday"}},
		// An elapsed time with seconds is a duration, not a time of day and a number.
		{"She won in 2:17:26, about 4:10 a.m. local time.", []string{"duration:2:17:26", "date:about 4:10 a.m"}},
		{"Strong collaboration was deemed essential.", nil},
		{"May they succeed.", nil},
		// A pronoun with a clitic is no name, wherever it stands.
		{"It was as good a spell as I've seen, and I'm sure I’ll stay.", nil},
		{"Fans cheered Liam O'Brien and Ana D'Angelo.", []string{"person:Liam O'Brien", "person:Ana D'Angelo"}},
		{"Talks resumed in March after May elections.", []string{"date:March", "date:May"}},
		{"Chief Executive Ann Lee spoke.", []string{"title:Chief Executive", "person:Ann Lee"}},
		{"Striker Tomas Verhoek scored.", []string{"title:Striker", "person:Tomas Verhoek"}},
		{"Chief Financial Officer Tom Reyes spoke.", []string{"title:Chief Financial Officer", "person:Tom Reyes"}},
		{"Baker Mayfield threw twice.", []string{"person:Baker Mayfield"}},
		{"Talks lasted nearly three years and tariffs go within a decade.", []string{"duration:nearly three years", "duration:within a decade"}},
		{"Ratification is hoped for by early 2027, the plant opens in mid-2026 and the vote is in late March.", []string{"date:early 2027", "date:mid-2026", "date:late March"}},
		{"The first signal came about 90 seconds later.", []string{"duration:about 90 seconds"}},
		{"Growers get 2,400 CFA francs per kilogram; futures traded near $7,900 a tonne.", []string{"number:2,400 CFA francs per kilogram", "number:near $7,900 a tonne"}},
		{"The plan will cost about 9 billion Kovarian marks and walkers took about 100 steps a minute.", []string{"number:about 9 billion Kovarian marks", "number:about 100 steps a minute"}},
		{"Profit was €96 million a year earlier.", []string{"number:€96 million"}},
		// A given name that is also a place's opens a person's name, unless a head noun ends it.
		{"Sydney Marwick met Lena Lyon at the Victoria Symphony.", []string{"person:Sydney Marwick", "person:Lena Lyon"}},
		// The part of a year or month a date names is part of the date.
		{"Work starts in the first half of 2027 and ends by the end of March 2028; sales rose in the fourth quarter of 2025 and the spring of 2024.",
			[]string{"date:the first half of 2027", "date:the end of March 2028", "date:the fourth quarter of 2025", "date:the spring of 2024"}},
		{"Most of 2027 is booked.", []string{"date:2027"}},
		// A particle joins the parts of a name in many languages.
		{"The painter Marta dos Reis met Yusuf ibn Tashfin and Anouk du Bois.", []string{"person:Marta dos Reis", "person:Yusuf ibn Tashfin", "person:Anouk du Bois"}},
		// A time before or after is no rate: "an hour earlier" dates the amount.
		{"Sales were 58 a week earlier and 140 an hour later, at 12 units an hour.", []string{"number:58", "number:140", "number:12 units an hour"}},
		{"Two-way trade reached $8.3 billion.", []string{"number:$8.3 billion"}},
		{"It carries seven scientific instruments and a drill to reach one metre down; one of them failed.", []string{"number:seven scientific instruments", "number:one metre"}},
		{"The centre-left Civic Renewal party won Kovaria's general election.", []string{"org:Civic Renewal"}},
		{"Its two-metre drill and three-day trip.", []string{"number:two-metre", "duration:three-day"}},
		{"Park Ji-hoon, who heads the union, said the Paris-based firm would pay.", []string{"person:Park Ji-hoon", "place:Paris"}},
		{"Colombian Ana Ruiz leads the race from Spanish Prime Minister Luis Ortega.", []string{"person:Ana Ruiz", "title:Spanish Prime Minister", "person:Luis Ortega"}},
		{"The Aurelia-3 probe carries 12 instruments and left in March-2026.", []string{"misc:Aurelia-3", "number:12 instruments"}},
		{"Sales reached 4.1 billion kroner last year and 52 tonnes next month.", []string{"number:4.1 billion kroner", "number:52 tonnes"}},
		// A part and its whole are one amount; a comparison word is part
		// of the amount it qualifies.
		{"The coalition holds 61 of 150 seats and won in 12 of 16 regions.", []string{"number:61 of 150 seats", "number:12 of 16 regions"}},
		{"The deficit must stay below 3% and prices above 40 dollars.", []string{"number:below 3%", "number:above 40 dollars"}},
		// A unit whose second word is a name is one unit; a name after a
		// unit that makes none with it is not taken.
		{"She spoke shortly after midnight and left at about noon.", []string{"date:shortly after midnight", "date:about noon"}},
		// A unit written with a slash is one unit; a longer word after a
		// slash is an alternative, not a rate.
		{"Winds gusted up to 90 km/h and 12 tonnes/barrels were lost.", []string{"number:up to 90 km/h", "number:12 tonnes"}},
		{"Doses are kept at 8 degrees Celsius, and 40 tonnes Bern shipped.", []string{"number:8 degrees Celsius", "number:40 tonnes", "place:Bern"}},
		// A time of day is one date, not two numbers split at its colon.
		{"The quake hit at 4:17 a.m. and the update went in at 03:40; services were back by 7:30pm and 9:05 pm.",
			[]string{"date:4:17 a.m", "date:03:40", "date:7:30pm", "date:9:05 pm"}},
		// A name's last word, a common noun, says what it names.
		{"Dunmore Rovers lifted the Tarleton Shield at Brackenridge Stadium.", []string{"org:Dunmore Rovers", "misc:Tarleton Shield", "place:Brackenridge Stadium"}},
		// The head before "of" when the last word gives no kind; the last
		// word's when it does.
		{"Dockworkers at the Harbour of Sellin walked out.", []string{"place:Harbour of Sellin"}},
		{"Pupils of the Sakaman Cluster of Schools sat the exam.", []string{"org:Sakaman Cluster of Schools"}},
		{"Velmont Systems hired Henry Field and Jo Hall.", []string{"org:Velmont Systems", "person:Henry Field", "person:Jo Hall"}},
	}
	l := testLanguage(t)
	for _, tt := range tests {
		t.Run(tt.in[:min(len(tt.in), 30)], func(t *testing.T) {
			tg := Tagger{Lang: l}
			var got []string
			for _, e := range tg.Tag(tt.in, Tokenize(tt.in)) {
				got = append(got, fmt.Sprintf("%s:%s", e.Kind, e.Text))
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			if tt.want == nil && len(got) > 0 {
				t.Errorf("tagged %q, want nothing", got)
			}
		})
	}
}

func TestSpellingKey(t *testing.T) {
	l := testLanguage(t)
	same := [][2]string{
		{"radicalisation", "radicalization"}, {"organise", "organize"}, {"defence", "defense"},
		{"colour", "color"}, {"centre", "center"},
		{"ninth", "9th"}, {"two", "2"},
		{"condemned", "condemn"}, {"travelled", "traveled"}, {"analyse", "analyze"},
	}
	for _, p := range same {
		if a, b := l.Key(p[0]), l.Key(p[1]); a != b {
			t.Errorf("key(%q) = %q, key(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	// Words that share letters but not meaning stay apart; related words
	// such as "terrorist" and "terrorism" meet through WordNet instead.
	differ := [][2]string{{"four", "for"}, {"filling", "filing"}, {"assist", "ass"}, {"ninth", "tenth"},
		{"activist", "active"}, {"journalist", "journal"}, {"policies", "police"}}
	for _, p := range differ {
		if a, b := l.Key(p[0]), l.Key(p[1]); a == b {
			t.Errorf("key(%q) == key(%q) == %q; want different", p[0], p[1], a)
		}
	}
}

// TestNoGivenPlaceName: a name opening with a given name that is also a
// place's is no person's when a noun heads it, a hyphen joins it, or it
// follows a word that places.
func TestNoGivenPlaceName(t *testing.T) {
	tg := Tagger{Lang: testLanguage(t)}
	for _, in := range []string{
		"She joined the Victoria Symphony in June.",
		"Coins were found in Roman Britain.",
		"The ferry left Saint-Pierre on time.",
	} {
		for _, e := range tg.Tag(in, Tokenize(in)) {
			if e.Kind == Person {
				t.Errorf("Tag(%q): person %q", in, e.Text)
			}
		}
	}
}

func TestTokenize(t *testing.T) {
	toks := Tokenize("Pakistan’s counter-terrorism 3.5 GSP+ don't")
	var got []string
	for _, t := range toks {
		got = append(got, t.Lower)
	}
	want := []string{"pakistan", "counter", "terrorism", "3.5", "gsp", "don't", "counterterrorism"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
	if !toks[0].Poss || !toks[1].HyphenNext || !toks[4].Acronym {
		t.Errorf("flags wrong: %+v", toks[:5])
	}
}

// TestPhraseAcronyms: neighbouring words of a WordNet phrase give its
// acronym, function words between them skipped, and an acronym that is an
// English word in lower case ("us" for the United States) is never given.
func TestPhraseAcronyms(t *testing.T) {
	l := testLanguage(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Chief Executive Ann Lee", []string{"ceo"}},
		{"the Federal Bureau of Investigation said", []string{"fbi"}},
		{"talks with the European Union", []string{"eu"}},
		{"exports to the United States", nil},
		{"the United States of America", []string{"usa"}},
		{"the North Atlantic Treaty Organization", []string{"nato"}},
		{"in the North Atlantic", nil},
		{"the chief said the executive", nil},
	} {
		var got []string
		l.PhraseAcronyms(Tokenize(tt.text), func(a string, _, _ int) {
			if !slices.Contains(got, a) {
				got = append(got, a)
			}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("phraseAcronyms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
