package bot

// Field names one question of the application form.
type Field string

// The form's fields, in the order they are asked.
const (
	FieldName         Field = "name"
	FieldKana         Field = "kana"
	FieldSchool       Field = "school"
	FieldDepartment   Field = "department"
	FieldGraduation   Field = "graduation"
	FieldEmail        Field = "email"
	FieldPhone        Field = "phone"
	FieldKitamiWish   Field = "kitami_wish"
	FieldITExperience Field = "it_experience"
	FieldMotivation   Field = "motivation"
)
