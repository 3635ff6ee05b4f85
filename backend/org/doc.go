// Package org holds the use cases of the organization itself: the first-run setup that
// makes the person its Owner, and finding who is using the app.
package org
