package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/faq"
	"github.com/sakemodel/sakebot/store"
)

// applicant is a sample candidate and where their application stands.
type applicant struct {
	id, name, kana string
	status         bot.Status
	daysAgo        int // when they applied
}

// applicants are the sample applications, oldest first.
var applicants = []applicant{
	{"U01", "北見 太郎", "キタミ タロウ", bot.StatusOffer, 27},
	{"U02", "網走 花子", "アバシリ ハナコ", bot.StatusInterview, 22},
	{"U03", "佐藤 健", "サトウ ケン", bot.StatusDeclined, 19},
	{"U04", "鈴木 美咲", "スズキ ミサキ", bot.StatusInterview, 15},
	{"U05", "高橋 大輔", "タカハシ ダイスケ", bot.StatusScreening, 11},
	{"U06", "田中 さくら", "タナカ サクラ", bot.StatusScreening, 7},
	{"U07", "伊藤 翔", "イトウ ショウ", bot.StatusSubmitted, 3},
	{"U08", "渡辺 結衣", "ワタナベ ユイ", bot.StatusSubmitted, 1},
}

// misses are questions the bot could not answer, some asked more than once.
var misses = []string{"寮の家賃はいくらですか", "寮の家賃はいくらですか？", "寮の家賃はいくらですか", "冬の通勤は大変ですか",
	"冬の通勤は大変ですか", "副業はできますか", "大学院生でも応募できますか", "車の免許は必要ですか"}

// picks are the entries students picked from the did-you-mean choices
// offered for a question the bot was unsure of (each pick asks it again).
var picks = map[string][]string{"冬の通勤は大変ですか": {"kitami-winter", "kitami-winter", "work-style"}}

// popular are the entries students ask about most, most asked first.
var popular = []string{"training-period", "how-to-apply", "work-style", "who-can-apply", "kitami-winter",
	"it-inexperienced", "return-to-kitami"}

// seed fills s with a month of plausible activity up to today: the
// applications, unanswered questions, a candidate waiting for a person and
// the questions asked each day. It moves clk and puts it back at today.
func seed(ctx context.Context, s *store.Store, clk *clock) error {
	defer clk.Set(today)
	for _, a := range applicants {
		clk.Set(today.AddDate(0, 0, -a.daysAgo))
		app, err := apply(ctx, s, a)
		if err != nil {
			return err
		}
		if a.status != bot.StatusSubmitted {
			clk.Set(today.AddDate(0, 0, -a.daysAgo/2))
			if _, err := s.SetApplicationStatus(ctx, app.ID, a.status, "admin"); err != nil {
				return err
			}
		}
	}
	clk.Set(today.Add(-3 * time.Hour))
	for _, q := range misses {
		if err := s.RecordMiss(ctx, q, faq.Normalize(q)); err != nil {
			return err
		}
	}
	if err := pick(ctx, s); err != nil {
		return err
	}
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U02"}
	clk.Set(today.Add(-40 * time.Minute))
	err := s.InTx(ctx, key, func(tx bot.Tx) error {
		return tx.RecordHandoff(ctx, &bot.Handoff{Key: key, Reason: bot.HandoffAsked, Question: "面談の日程を相談したいです"})
	})
	if err != nil {
		return err
	}
	return askMonth(ctx, s, clk)
}

// pick records the picks, each by a student who asked the question.
func pick(ctx context.Context, s *store.Store) error {
	for q, ids := range picks {
		for i, id := range ids {
			key := bot.UserKey{Channel: bot.ChannelLINE, UserID: fmt.Sprintf("U-pick-%d", i)}
			err := s.InTx(ctx, key, func(tx bot.Tx) error {
				miss, err := tx.RecordMiss(ctx, q, faq.Normalize(q))
				if err != nil {
					return err
				}
				return tx.RecordMissPick(ctx, miss, id)
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// apply stores a's candidate and application.
func apply(ctx context.Context, s *store.Store, a applicant) (bot.Application, error) {
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: a.id}
	app := bot.Application{Key: key, Name: a.name, Kana: a.kana, School: "北見工業大学",
		Department: "工学部 地球環境工学科", Graduation: "2027-03", Email: a.id + "@example.jp",
		Phone: "09012345678", KitamiWish: "はい", ITExperience: "授業で少し",
		Motivation: "地元の北見で、ITの仕事に挑戦したいと考えています。"}
	err := s.InTx(ctx, key, func(tx bot.Tx) error {
		c := bot.Candidate{Key: key, DisplayName: a.name}
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		app.CandidateID = c.ID
		return tx.CreateApplication(ctx, &app)
	})
	return app, err
}

// askMonth counts the questions of the last 30 days, more on recent days:
// seven in ten answered, one offered choices, two not answered.
func askMonth(ctx context.Context, s *store.Store, clk *clock) error {
	rng := rand.New(rand.NewPCG(7, 26))
	key := bot.UserKey{Channel: bot.ChannelLINE, UserID: "U00"}
	return s.InTx(ctx, key, func(tx bot.Tx) error {
		for day := 29; day >= 0; day-- {
			for range 4 + rng.IntN(8) + (30-day)/3 {
				clk.Set(today.AddDate(0, 0, -day).Add(-time.Duration(rng.IntN(8*60)) * time.Minute))
				outcome, id := faq.Answered.String(), popular[min(rng.IntN(len(popular)), rng.IntN(len(popular)))]
				switch r := rng.IntN(10); {
				case r == 0:
					outcome, id = faq.Ambiguous.String(), ""
				case r <= 2:
					outcome, id = faq.Missed.String(), ""
				}
				if err := tx.RecordQuestion(ctx, bot.ChannelLINE, outcome, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
