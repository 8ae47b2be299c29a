package fault

import (
	"errors"
	"fmt"
	"testing"
)

func TestOf(t *testing.T) {
	bad := New(BadInput, "x: bad")
	gone := New(NotFound, "x: gone")
	plain := errors.New("disk on fire")
	tests := []struct {
		name string
		err  error
		want Class
	}{
		{"nil", nil, None},
		{"unclassed", plain, None},
		{"sentinel", bad, BadInput},
		{"wrapped", fmt.Errorf("reading: %w", bad), BadInput},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", gone)), NotFound},
		{"joined: the first classed one", errors.Join(plain, gone, bad), NotFound},
		{"the outer class wins", Wrap(Transient, fmt.Errorf("%w", New(Permanent, "p"))), Permanent},
		{"Wrap gives a class to an unclassed error", Wrap(Transient, plain), Transient},
		{"Wrap keeps a class there", Wrap(Transient, bad), BadInput},
	}
	for _, tt := range tests {
		if got := Of(tt.err); got != tt.want {
			t.Errorf("%s: Of = %v, want %v", tt.name, got, tt.want)
		}
	}
	if bad.Error() != "x: bad" || Wrap(Transient, plain).Error() != plain.Error() || !errors.Is(Wrap(Transient, plain), plain) {
		t.Error("a class changes no message and keeps the chain")
	}
}
