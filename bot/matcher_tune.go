package bot

import "unicode/utf8"

var (
	useBaseForm         = true
	questionCoverageExp = 0.6
	phraseShare         = 0.7
	kanaFactor          = 1.0
	unseenDF            = 0
	useTrigrams         = true
	useAnswers          = true
	answersInDF         = false
	answerFactor        = 0.5
	keywordsEntryOnly   = true
	kanaSpaceWeights    = [numSpaces]float64{0, 1, 0}
	spaceWeights        = [numSpaces]float64{0.25, 0.25, 0.5}
)

var gramFactors = [numSpaces]func(string) float64{
	writtenSpace: func(g string) float64 {
		for _, r := range g {
			if !isHiragana(r) && r != longVowel {
				return 1
			}
		}
		return kanaFactor
	},
	readingSpace: func(string) float64 { return 1 },
	wordSpace:    func(string) float64 { return 1 },
}

var _ = utf8.RuneLen
