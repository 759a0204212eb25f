module github.com/briefbot/briefbot

go 1.24.5

require (
	github.com/joho/godotenv v1.5.1
	github.com/kljensen/snowball v0.10.0
	github.com/sahilm/fuzzy v0.1.3
)
