package main

import "net/http"

// contentSecurityPolicy allows only the app's own scripts, so text that slipped into the
// page as markup can never run. The release build and the dev build (-tags dev) both serve
// the page through this middleware; index.html carries the same policy as a meta tag for
// `wails dev` with a Vite server, the one setup where the middleware is not used.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; connect-src 'self'"

// securityHeaders is the asset server's middleware.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}
