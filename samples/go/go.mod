// The Go originals of the Chanflow samples: `go run ./pipeline` from this folder.
// Standard library only, so they build offline.
module chanflow.io/samples

go 1.19
