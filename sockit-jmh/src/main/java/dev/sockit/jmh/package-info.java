/** JMH microbenchmarks of sockit's hot paths; see docs/benchmarks.md for how to run them. */
package dev.sockit.jmh;
