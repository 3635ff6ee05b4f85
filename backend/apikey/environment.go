package apikey

import "fmt"

// Environment is where a key works: Proof's production API or its sandbox (which Proof
// calls Fairfax). Production and sandbox keys are listed apart and never mixed.
type Environment string

// Proof's two environments.
const (
	Production Environment = "production"
	Sandbox    Environment = "sandbox"
)

// Environments lists every environment in display order.
var Environments = []Environment{Production, Sandbox}

// ParseEnvironment accepts the exact lower-case names the UI and CLI send.
func ParseEnvironment(s string) (Environment, error) {
	switch Environment(s) {
	case Production, Sandbox:
		return Environment(s), nil
	}
	return "", fmt.Errorf("%w: %q (use production or sandbox)", ErrUnknownEnvironment, s)
}

// Prefix is the fixed start of every secret of the environment.
func (e Environment) Prefix() string {
	if e == Sandbox {
		return "prf_test_"
	}
	return "prf_"
}
