package inventory

import (
	"fmt"
	"math"
	"slices"
)

// Chart counts the keys in use by age, in bands drawn against the rotation policy: the
// bands before the policy are within it, the ones from it on are overdue.
type Chart struct {
	PolicyDays int    `json:"policyDays"`
	Bands      []Band `json:"bands"`
}

// Band is one bar: keys aged From to To days (To excluded; 0 is no upper end).
type Band struct {
	Label   string `json:"label"`
	From    int    `json:"from"`
	To      int    `json:"to"`
	Count   int    `json:"count"`
	Overdue bool   `json:"overdue"`
}

// edges are the band limits in days. With a policy of P days: thirds of P, then P to 2P,
// 2P to 4P and beyond; without one, months then half a year and a year.
func edges(policy int) []int {
	if policy <= 0 {
		return []int{0, 30, 60, 90, 180, 365}
	}
	third := max(1, policy/3)
	return []int{0, third, 2 * third, policy, 2 * policy, 4 * policy}
}

func chartOf(rows []Row, policy int) Chart {
	c := newChart(policy)
	for i := range rows {
		c.count(&rows[i])
	}
	return c
}

// newChart is the chart of no key, its bands drawn against policy.
func newChart(policy int) Chart {
	e := edges(policy)
	bands := make([]Band, len(e))
	for i, from := range e {
		to := 0
		if i+1 < len(e) {
			to = e[i+1]
		}
		bands[i] = Band{Label: bandLabel(from, to), From: from, To: to, Overdue: policy > 0 && from >= policy}
	}
	return Chart{PolicyDays: max(policy, 0), Bands: bands}
}

// count adds r to its band, when it is in use.
func (c *Chart) count(r *Row) {
	if !r.InUse() {
		return
	}
	for i := len(c.Bands) - 1; i >= 0; i-- {
		if r.AgeDays >= c.Bands[i].From {
			c.Bands[i].Count++
			return
		}
	}
}

// plus is the chart of the keys of c and of o together, both drawn against one policy.
func (c Chart) plus(o Chart) Chart {
	bands := slices.Clone(c.Bands)
	for i := range bands {
		bands[i].Count += o.Bands[i].Count
	}
	return Chart{PolicyDays: c.PolicyDays, Bands: bands}
}

func bandLabel(from, to int) string {
	if to == 0 {
		return fmt.Sprintf("%d+ days", from)
	}
	return fmt.Sprintf("%d–%d days", from, to-1)
}

// Max is the tallest bar's count, at least 1, for scaling.
func (c Chart) Max() int {
	m := 1
	for _, b := range c.Bands {
		m = max(m, b.Count)
	}
	return m
}

// Ceil rounds the scale up to a tidy number for the axis: 1, 2, 5 times a power of ten.
func (c Chart) Ceil() int {
	m := float64(c.Max())
	p := math.Pow(10, math.Floor(math.Log10(m)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= m {
			return int(f * p)
		}
	}
	return int(10 * p)
}
