// Worker pool with results: three workers take jobs from a buffered channel and send results back.
// Any worker may take any job and results come back in any order, so each result carries its job's
// number and they are printed by job.
//
// Output:
// job 1: 0 steps
// job 2: 1 steps
// job 3: 7 steps
// job 4: 2 steps
// job 5: 5 steps
// job 6: 8 steps
// job 7: 16 steps
// job 8: 3 steps
package main

import "fmt"

type result struct{ job, steps int }

// collatz counts the steps of the Collatz sequence from n down to 1: a small CPU-bound job.
func collatz(n int) int {
	steps := 0
	for ; n != 1; steps++ {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
	}
	return steps
}

func worker(jobs <-chan int, results chan<- result) {
	for j := range jobs {
		results <- result{j, collatz(j)}
	}
}

func main() {
	const numJobs = 8
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)
	for w := 1; w <= 3; w++ {
		go worker(jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	steps := make([]int, numJobs+1)
	for i := 0; i < numJobs; i++ {
		r := <-results
		steps[r.job] = r.steps
	}
	for j := 1; j <= numJobs; j++ {
		fmt.Printf("job %d: %d steps\n", j, steps[j])
	}
}
