package fault

// Class is what kind of failure an error is: what its user can do about it.
type Class uint8

// The classes. An error without a class is None: a failure of this
// machine (a disk, a bug) that the user reports rather than fixes.
const (
	None      Class = iota
	BadInput        // the request, the config or a source cannot be used as given: fix it
	Refused         // the request is understood but not allowed in this state
	NotFound        // no such report, period, version or file
	Transient       // worth trying again later (a mail server that did not answer)
	Permanent       // will fail again until something outside is fixed
)

var names = [...]string{"none", "bad input", "refused", "not found", "transient", "permanent"}

func (c Class) String() string {
	if int(c) < len(names) {
		return names[c]
	}
	return "unknown"
}

// classed is a sentinel error that carries its class.
type classed struct {
	msg   string
	class Class
}

func (e *classed) Error() string { return e.msg }
func (e *classed) Fault() Class  { return e.class }

// New returns a sentinel error of class c; errors wrapping it (with %w)
// have that class.
func New(c Class, msg string) error { return &classed{msg: msg, class: c} }

// Carrier is an error that says its class (internal/catalog's classes
// do too).
type Carrier interface{ Fault() Class }

// Of is the class of err: that of the first error in its chain (or tree,
// for joined errors) that carries one other than None; None when none
// does.
func Of(err error) Class {
	for err != nil {
		if c, ok := err.(Carrier); ok && c.Fault() != None {
			return c.Fault()
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if c := Of(e); c != None {
					return c
				}
			}
			return None
		default:
			return None
		}
	}
	return None
}

// Wrap gives err class c unless it has one already.
func Wrap(c Class, err error) error {
	if err == nil || Of(err) != None {
		return err
	}
	return &wrapped{err: err, class: c}
}

type wrapped struct {
	err   error
	class Class
}

func (e *wrapped) Error() string { return e.err.Error() }
func (e *wrapped) Unwrap() error { return e.err }
func (e *wrapped) Fault() Class  { return e.class }
