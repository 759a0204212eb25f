package facts_test

import (
	"testing"
)

// TestDateClash checks that a sentence dated by another weekday or month
// than the one a question names is marked, and that one naming it, or
// dating nothing of that grain, is not.
func TestDateClash(t *testing.T) {
	lead := "Shares in Holloway Mining fell 6.1% on Wednesday after a warning on costs."
	thursday := "The shares rose 2.4% on Thursday as buyers returned."
	wednesday := "Rival Corbett Metals fell 3.9% on Wednesday, traders said."
	undated := "Analysts said the shares could fall further."
	april := "The miner sold 41,000 tonnes of ore in April, up from 38,500 a year earlier."
	b := baseOf(t, "Title: Miners\n\n"+lead+" "+thursday+"\n\n"+wednesday+" "+undated+" "+april+"\n")
	checkFeature(t, b, "date_clash", []featureCase{
		{"How much did the shares rise on Monday?", thursday, true, "another weekday dates the rise"},
		{"how much did the shares rise on monday", thursday, true, "a weekday in lower case"},
		{"How much did Corbett Metals fall on Wednesday?", wednesday, false, "the sentence names the weekday asked about"},
		{"Could the shares fall further on Friday?", undated, false, "the sentence dates nothing"},
		{"How much ore did the miner sell in June?", april, true, "another month dates the sales"},
		{"how much ore did the miner sell in march", april, true, "a lower-case month after in"},
		{"How much ore did the miner sell in April?", april, false, "the month asked about"},
		{"How much ore may the miner sell?", april, false, "may is a verb here"},
		{"How much ore did the miner sell in May?", april, false, "a month that is a stop word is no index term, so no sentence shows it"},
		{"How much did the shares rise?", thursday, false, "the question names no day"},
	})
}
