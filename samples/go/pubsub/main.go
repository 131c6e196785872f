// Pub/sub broker with a slow subscriber: a broker goroutine copies each published message to every
// subscriber's buffered channel without ever blocking; when a subscriber's buffer is full the message is
// dropped for that subscriber only. The fast subscriber's buffer holds all five messages; the slow one,
// busy until publishing is over, has a buffer of two, so it gets exactly the first two and misses three.
//
// Output:
// fast got [m1 m2 m3 m4 m5]
// slow got [m1 m2], dropped 3
package main

import "fmt"

type subscriber struct {
	messages chan string
	dropped  int // written by the broker only; read once messages is closed
}

func broker(publish <-chan string, subscribe <-chan *subscriber) {
	var subs []*subscriber
	for {
		select {
		case s := <-subscribe:
			subs = append(subs, s)
		case msg, ok := <-publish:
			if !ok {
				for _, s := range subs {
					close(s.messages)
				}
				return
			}
			for _, s := range subs {
				select {
				case s.messages <- msg:
				default:
					s.dropped++ // never block on a slow subscriber
				}
			}
		}
	}
}

func collect(s *subscriber) []string {
	var got []string
	for m := range s.messages {
		got = append(got, m)
	}
	return got
}

func main() {
	publish := make(chan string)
	subscribe := make(chan *subscriber)
	go broker(publish, subscribe)

	fast := &subscriber{messages: make(chan string, 5)}
	slow := &subscriber{messages: make(chan string, 2)}
	subscribe <- fast
	subscribe <- slow
	fastGot := make(chan []string)
	go func() { fastGot <- collect(fast) }()

	for i := 1; i <= 5; i++ {
		publish <- fmt.Sprintf("m%d", i)
	}
	close(publish)
	fmt.Println("fast got", <-fastGot)
	slowGot := collect(slow) // only now does the slow subscriber read
	fmt.Printf("slow got %v, dropped %d\n", slowGot, slow.dropped)
}
