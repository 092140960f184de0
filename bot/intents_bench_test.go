package bot

import "testing"

// BenchmarkReadRequest is the cost of reading a message for a request,
// which every message outside a button pays.
func BenchmarkReadRequest(b *testing.B) {
	msgs := []string{"研修は何ヶ月ですか", "担当者と話したいです", "応募したいけど研修って何ヶ月？", "北見工大の3年です。家の事情で地元を離れにくいのですが、サケモデルはそういう人向けですか"}
	for _, m := range msgs {
		readRequest(m) // build the indexes and load the dictionary once
	}
	b.ResetTimer()
	for i := range b.N {
		readRequest(msgs[i%len(msgs)])
	}
}
