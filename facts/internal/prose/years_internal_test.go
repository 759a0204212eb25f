package prose

import "testing"

// TestYearsAgainst: a sentence naming an earlier year than its brief's
// is background, a later one a plan; without a date, only a relative
// phrase says which.
func TestYearsAgainst(t *testing.T) {
	tests := []struct {
		text, date string
		want       uint8
	}{
		{"The last strike, in 2019, lasted nine days.", "2026-03-02", YearPast},
		{"A larger rover will launch in 2028.", "2026-03-02", YearFuture},
		{"It rose in 2024 and will fall by 2030.", "2026-03-02", YearPast | YearFuture},
		{"It was signed on March 2, 2026.", "2026-03-02", YearThis},
		{"Turnout reached 2019 voters.", "", 0},
		{"About 1,800 workers walked out.", "2026-03-02", 0},
		{"Revenue rose 6% last year.", "2026-03-01", YearPast},
		{"It provided 4.2 million lira this year.", "2026-03-01", YearThis},
		{"Prices will rise again next year.", "", YearFuture},
		{"The plant closed a year ago.", "", YearPast},
		{"It borrowed €30 million a year earlier.", "", YearPast},
		{"Sales were lower the year before.", "", YearPast},
		{"It reopened a year later.", "", YearFuture},
		{"The plant closed in 2011.", "2026-03-01", YearPast},
		{"The plant closed in 2011.", "", 0}, // no date: a number says nothing against it
		{"Sales reached a record in 2026 after a dip in 2025.", "2026-03-01", YearThis | YearPast},
		{"It opens in 2028.", "2026-03-01", YearFuture},
		{"Over the past year, sales doubled.", "2026-03-01", 0},
		{"A year of growth ended.", "", 0},
		{"He said the year was hard.", "", 0},
	}
	for _, tt := range tests {
		if got := YearsAgainst(Tokenize(tt.text), tt.date); got != tt.want {
			t.Errorf("yearsAgainst(%q, %q) = %b, want %b", tt.text, tt.date, got, tt.want)
		}
	}
}

func TestYearClash(t *testing.T) {
	tests := []struct {
		asked, named uint8
		want         bool
	}{
		{YearPast, YearThis, true},
		{YearPast, YearPast, false},
		{YearPast, YearPast | YearThis, false},
		{YearPast, 0, false}, // a fact naming no year may tell any
		{0, YearThis, false}, // a question naming none asks about any
		{YearFuture, YearThis | YearPast, true},
	}
	for _, tt := range tests {
		if got := YearClash(tt.asked, tt.named); got != tt.want {
			t.Errorf("yearClash(%b, %b) = %v, want %v", tt.asked, tt.named, got, tt.want)
		}
	}
}
