package bot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/jpinput"
)

// submit stores the application and ends the form.
func (t *turn) submit() {
	c, err := t.tx.Candidate(t.ctx, t.in.Key)
	if err != nil {
		t.fail(err) // consent saved the candidate; not finding it is a real error
		return
	}
	ans := t.conv.Answers
	a := &Application{
		CandidateID: c.ID, Key: t.in.Key, Status: StatusSubmitted,
		Name: ans[FieldName], Kana: ans[FieldKana], School: ans[FieldSchool], Department: ans[FieldDepartment],
		Graduation: ans[FieldGraduation], Email: ans[FieldEmail], Phone: ans[FieldPhone],
		KitamiWish: ans[FieldKitamiWish], ITExperience: ans[FieldITExperience], Motivation: ans[FieldMotivation],
	}
	err = t.tx.CreateApplication(t.ctx, a)
	if errors.Is(err, ErrActiveApplication) {
		t.drop = true
		if prev, ok := t.latestApplication(); ok {
			t.say(alreadyAppliedText(prev), menu("応募状況"))
		}
		return
	}
	if err != nil {
		t.fail(err)
		return
	}
	t.drop = true
	t.notice(DeliveryNotice, a.ID) // recruiters hear of it once, in this transaction
	t.e.log.InfoContext(t.ctx, "application submitted", "ref", a.Ref, "channel", string(t.in.Key.Channel))
	t.say(fmt.Sprintf(msgSubmitted, a.Ref), menu("応募状況"), menu("よくある質問"))
}

// summary builds the confirmation card from the answers.
func (t *turn) summary() *Summary {
	s := &Summary{Title: "ご入力内容の確認"}
	for _, f := range form {
		v := t.conv.Answers[f.Field]
		switch {
		case v == "":
			v = "（なし）"
		case f.Field == FieldGraduation:
			v = GraduationLabel(v)
		case f.Field == FieldPhone:
			v = jpinput.FormatPhone(v)
		}
		s.Fields = append(s.Fields, SummaryField{Label: f.Label, Value: v})
	}
	s.Choices = []Choice{
		t.formChoice("この内容で応募する", "この内容で応募する"),
		t.formChoice("修正する", "修正する"),
		t.formChoice("やめる", "やめる"),
	}
	return s
}

// SummaryText renders a Summary as plain text, for channels without cards.
func SummaryText(s *Summary) string {
	var b strings.Builder
	b.WriteString("【" + s.Title + "】\n")
	for _, f := range s.Fields {
		b.WriteString(f.Label + "：" + f.Value + "\n")
	}
	b.WriteString("この内容で応募してよろしいですか？")
	return b.String()
}

func statusText(a Application) string {
	return fmt.Sprintf(msgStatus, a.Ref, a.CreatedAt.In(jst).Format("2006年1月2日"), a.Status.Label())
}

func alreadyAppliedText(a Application) string {
	return fmt.Sprintf(msgAlreadyApplied, a.Ref, a.Status.Label())
}
