/**
 * jcstress tests of Chanflow's racing operations: close, select, interruption, context cancellation and
 * {@code ErrGroup}'s first error. Each test names the rule it checks and spells out every acceptable outcome;
 * everything else is forbidden. Build with {@code ./mvnw -pl benchmarks -am clean package -DskipTests}, run
 * with {@code java -jar benchmarks/target/jcstress.jar -t io.chanflow.jcstress} (see RELIABILITY.md).
 */
package io.chanflow.jcstress;
