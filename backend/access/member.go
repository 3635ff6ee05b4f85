package access

import "time"

// Role is a member's role in the organization.
type Role string

const (
	Owner      Role = "owner"
	Admin      Role = "admin"
	TeamMember Role = "team_member"
)

// Member is a person of the organization.
type Member struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Role      Role      `json:"role"`
	CreatedAt time.Time `json:"createdAt"`
	// ManageAPIKeys is the "Manage API keys" grant a Team member may be given.
	ManageAPIKeys bool `json:"manageApiKeys"`
}
