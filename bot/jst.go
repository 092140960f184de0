package bot

import "time"

// jst is Japan Standard Time, for dates shown to people; fixed so the
// binary needs no time zone database.
var jst = time.FixedZone("JST", 9*60*60)
