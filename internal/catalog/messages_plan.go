package catalog

// baocao plan import.
var (
	ArgsPlan        = add("ArgsPlan", "import TỆP -o KẾ_HOẠCH.toml [--force]", "import FILE -o PLAN.toml [--force]")
	HelpPlan        = add("HelpPlan", "đọc văn bản kế hoạch của đơn vị (.docx, .txt, .md) thành tệp kế hoạch", "read the unit's plan document (.docx, .txt, .md) into a plan file (in Vietnamese)")
	FlagPlanOut     = add("FlagPlanOut", "tệp kế hoạch sẽ ghi (`KẾ_HOẠCH.toml`)", "the plan file to write (`PLAN.toml`)")
	FlagPlanForce   = add("FlagPlanForce", "ghi đè KẾ_HOẠCH.toml nếu đã có", "replace PLAN.toml if it exists")
	PlanNeedSub     = add("PlanNeedSub", "cần lệnh con: baocao plan %s", "a subcommand is needed: baocao plan %s")
	PlanNeedOneFile = add("PlanNeedOneFile", "cần đúng một tệp kế hoạch và -o KẾ_HOẠCH.toml", "exactly one plan document and -o PLAN.toml are needed")
	PlanWritten     = add("PlanWritten", "\nĐã ghi %s. Trỏ cấu hình tới tệp này: plan = %q", "\nWrote %s. Point the config at it: plan = %q")
)
