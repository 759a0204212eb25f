package facts_test

import (
	"testing"
)

// TestPlaceClash checks that a sentence that places what it says
// elsewhere than the place a question asks about is marked, though the
// brief's lead names that place, and that a sentence naming it, or
// placing nothing, is not.
func TestPlaceClash(t *testing.T) {
	lead := "Floods swept through Harlow Bay on Monday, the coastguard said."
	elsewhere := "At least nine people were killed in Kent and Essex, officials said."
	there := "Four people were killed in Harlow Bay, officials said."
	unplaced := "Officials said 1,400 homes had been flooded."
	b := baseOf(t, "Title: Floods\n\n"+lead+" "+elsewhere+"\n\n"+there+" "+unplaced+"\n")
	checkFeature(t, b, "place_clash", []featureCase{
		{"How many people were killed in Harlow Bay?", elsewhere, true, "the sentence places the deaths in other places"},
		{"How many people were killed in Harlow Bay?", there, false, "the sentence names the place asked about"},
		{"How many homes were flooded in Harlow Bay?", unplaced, false, "the sentence places nothing"},
		{"How many people were killed in the Orkney Islands?", elsewhere, true, "a place no brief names"},
		{"How many people were killed in March?", elsewhere, false, "a month dates, it does not place"},
		{"How many people were killed?", elsewhere, false, "the question names no place"},
	})
}
