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
