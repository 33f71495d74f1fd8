// Package examples embeds the bundled example corpus, so that `citebot demo`
// works from the binary alone on a fresh machine.
package examples

import "embed"

// Corpus holds the fictional news stories under corpus/.
//
//go:embed corpus
var Corpus embed.FS
