module chanflow.io/benchmarks/go

go 1.19
