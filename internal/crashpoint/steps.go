package crashpoint

// Env is the variable that names the step to die at.
const Env = "BAOCAO_TEST_CRASH_AT"

// Steps, in the order a run reaches them.
const (
	Staged   = "staged"    // the version's files are written in .staging-*, not yet visible
	Archived = "archived"  // the version (with its pending record) is visible
	InFlight = "in-flight" // the attempt is recorded as in flight, nothing sent yet
	Accepted = "accepted"  // the server accepted the message; the record does not say so yet
	Recorded = "recorded"  // the record says sent
	Approved = "approved"  // the approval is recorded; the draft's record does not say so, nothing is issued or sent
	Issued   = "issued"    // the issued version is archived; the draft's record does not point at it yet
	// SignedStored: a signed copy is stored with its record; the version
	// waiting for it (require_signed) is neither released nor sent.
	SignedStored = "signed-stored"
)
