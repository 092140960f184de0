package faq

import "testing"

func TestRomaji(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"oubo shitai desu", "おうぼしたいです", true},
		{"senkou kekka kakunin onegai", "せんこうけっかかくにんおねがい", true},
		{"tantousha to hanashitai", "たんとうしゃとはなしたい", true},
		{"Setsumeikai yoyaku!", "せつめいかいよやく", true},
		{"kenshuu wa nankagetsu?", "けんしゅうはなんかげつ", true},
		{"nyuuryoku chuushi", "にゅうりょくちゅうし", true},
		{"kon'nichiwa", "こんにちわ", true},
		{"konnichiwa", "こんにちわ", true}, // nn before a vowel: ん and な-row
		{"minna", "みんな", true},
		{"kenn", "けん", true},
		{"matcha", "まっちゃ", true},
		{"zyunbi", "じゅんび", true},
		{"oubo shitai desu😊", "おうぼしたいです", true},
		{"お疲れ様です。oubo shitai", "お疲れ様です。oubo shitai", false}, // romaji inside Japanese
		{"yoyaku cancel", "よやくきゃんせる", true},                 // an English word among romaji
		{"deta sakujo onegai", "でーたさくじょおねがい", true},
		{"hello there", "hello there", false},
		{"応募したい", "応募したい", false},
		{"", "", false},
	} {
		got, ok := Romaji(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Romaji(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// A question typed in romaji is answered as if typed in hiragana, and
// recorded as it was typed.
func TestMatchRomaji(t *testing.T) {
	ix := NewIndex(loadDefaultFAQs(t), loadDefaultConcepts(t)...)
	m := ix.Match("kenshuu kikan wa dono kurai?")
	if b, ok := m.Best(); !ok || m.Outcome != Answered || b.FAQ.ID != "training-period" {
		t.Fatalf("romaji question: %s %v, want answered with training-period", m.Outcome, m.Candidates)
	}
	if m.Question != "kenshuu kikan wa dono kurai?" {
		t.Errorf("Question = %q, want it as typed", m.Question)
	}
}
