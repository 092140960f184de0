-- An FAQ entry a student picks from the choices offered is logged as
-- 'chosen': it counts among the most asked entries, not as another question.

-- +goose Up
ALTER TABLE question_log DROP CONSTRAINT question_log_outcome_check;
ALTER TABLE question_log ADD CONSTRAINT question_log_outcome_check
    CHECK (outcome IN ('answered', 'ambiguous', 'missed', 'chosen'));

-- +goose Down
UPDATE question_log SET outcome = 'answered' WHERE outcome = 'chosen';
ALTER TABLE question_log DROP CONSTRAINT question_log_outcome_check;
ALTER TABLE question_log ADD CONSTRAINT question_log_outcome_check
    CHECK (outcome IN ('answered', 'ambiguous', 'missed'));
