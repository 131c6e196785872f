// McIlroy's power series, after Go's test/chan/powser1.go ("Squinting at Power Series"): a power series is
// a demand-driven stream of rational coefficients; each operator is a goroutine that computes a
// coefficient only when asked. Exp is defined by feedback, Z = 1 + integral of Z*U', so its output is
// split and one copy fed back in. Prints ten coefficients of each series.
//
// Output:
// 1/(1-x):       1 1 1 1 1 1 1 1 1 1
// 1/(1-x)^2:     1 2 3 4 5 6 7 8 9 10
// -log(1-x):     0 1 1/2 1/3 1/4 1/5 1/6 1/7 1/8 1/9
// exp(x/(1-x)):  1 1 3/2 13/6 73/24 167/40 4051/720 37633/5040 43817/4480 4596553/362880
package main

import (
	"fmt"
	"strings"
)

type rat struct{ num, den int64 }

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a < 0 {
		return -a
	}
	return a
}

func mk(num, den int64) rat {
	g := gcd(num, den)
	if den < 0 {
		g = -g
	}
	return rat{num / g, den / g}
}

func add(a, b rat) rat { return mk(a.num*b.den+b.num*a.den, a.den*b.den) }
func mul(a, b rat) rat { return mk(a.num*b.num, a.den*b.den) }

func (r rat) String() string {
	if r.den == 1 {
		return fmt.Sprint(r.num)
	}
	return fmt.Sprintf("%d/%d", r.num, r.den)
}

// A PS is a power series: ask for the next coefficient on req, receive it on dat.
type PS struct {
	req chan struct{}
	dat chan rat
}

func newPS() PS       { return PS{make(chan struct{}), make(chan rat)} }
func (u PS) get() rat { u.req <- struct{}{}; return <-u.dat }

func copyPS(in, out PS) {
	for {
		<-out.req
		out.dat <- in.get()
	}
}

// split serves two readers of U at their own pace, fetching from U only on demand and queueing for the
// reader that is behind. The fetch runs in its own goroutine so that split keeps serving while it waits:
// in a feedback loop (Exp) the fetch itself needs a value from split.
func split(U PS, Z [2]PS) {
	var queue [2][]rat
	var waiting [2]bool
	fetched := make(chan rat)
	fetching := false
	for {
		select {
		case <-Z[0].req:
			waiting[0] = true
		case <-Z[1].req:
			waiting[1] = true
		case u := <-fetched:
			fetching = false
			queue[0] = append(queue[0], u)
			queue[1] = append(queue[1], u)
		}
		for s := 0; s < 2; s++ {
			if waiting[s] && len(queue[s]) > 0 {
				Z[s].dat <- queue[s][0]
				queue[s] = queue[s][1:]
				waiting[s] = false
			}
		}
		if !fetching && (waiting[0] || waiting[1]) {
			fetching = true
			go func() { fetched <- U.get() }()
		}
	}
}

func Split(U PS) [2]PS {
	Z := [2]PS{newPS(), newPS()}
	go split(U, Z)
	return Z
}

// Rep is c, c, c, ...
func Rep(c rat) PS {
	Z := newPS()
	go func() {
		for {
			<-Z.req
			Z.dat <- c
		}
	}()
	return Z
}

func Add(U, V PS) PS {
	Z := newPS()
	go func() {
		for {
			<-Z.req
			Z.dat <- add(U.get(), V.get())
		}
	}()
	return Z
}

// Cmul multiplies by the constant c.
func Cmul(c rat, U PS) PS {
	Z := newPS()
	go func() {
		for {
			<-Z.req
			Z.dat <- mul(c, U.get())
		}
	}()
	return Z
}

// Mul: with U = u + x*UU and V = v + x*VV, UV = u*v + x*(u*VV + v*UU) + x^2*UU*VV.
func Mul(U, V PS) PS {
	Z := newPS()
	go func() {
		<-Z.req
		u, v := U.get(), V.get()
		Z.dat <- mul(u, v)
		UU, VV := Split(U), Split(V)
		W := Add(Cmul(u, VV[0]), Cmul(v, UU[0]))
		<-Z.req
		Z.dat <- W.get()
		copyPS(Add(W, Mul(UU[1], VV[1])), Z)
	}()
	return Z
}

// Diff differentiates.
func Diff(U PS) PS {
	Z := newPS()
	go func() {
		<-Z.req
		U.get() // the constant term vanishes
		for i := int64(1); ; i++ {
			Z.dat <- mul(mk(i, 1), U.get())
			<-Z.req
		}
	}()
	return Z
}

// Integ integrates, with c the constant of integration.
func Integ(c rat, U PS) PS {
	Z := newPS()
	go func() {
		<-Z.req
		Z.dat <- c
		for i := int64(1); ; i++ {
			<-Z.req
			Z.dat <- mul(mk(1, i), U.get())
		}
	}()
	return Z
}

// Exp is exp(U) for U with a zero constant term (the constant term is ignored): Z' = Z*U'.
func Exp(U PS) PS {
	ZZ := [2]PS{newPS(), newPS()}
	go split(Integ(mk(1, 1), Mul(ZZ[0], Diff(U))), ZZ)
	return ZZ[1]
}

func printn(name string, U PS, n int) {
	terms := make([]string, n)
	for i := range terms {
		terms[i] = U.get().String()
	}
	fmt.Printf("%-15s%s\n", name+":", strings.Join(terms, " "))
}

func main() {
	ones := mk(1, 1)
	printn("1/(1-x)", Rep(ones), 10)
	printn("1/(1-x)^2", Mul(Rep(ones), Rep(ones)), 10)
	printn("-log(1-x)", Integ(mk(0, 1), Rep(ones)), 10)
	printn("exp(x/(1-x))", Exp(Rep(ones)), 10)
}
