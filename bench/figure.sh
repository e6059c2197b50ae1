#!/usr/bin/env bash
# Reproduces one product rules §8 figure with one command: builds the jars if they are missing, pre-fills a data
# directory under bench-data/ if it is not there yet, starts the server on loopback, runs the figure's
# scenario, prints the figures and the server's memory, and stops the server.
#
#   bench/figure.sh bulk | single | same-id | list | history | mixed | soak | export | import   [--entities N] [--seconds S] [--rate R] ...
#   bench/figure.sh jmh                                              (in-process JMH figures of the domain)
#   bench/figure.sh listing-inprocess                                (in-process listing figures at 1M)
#
# See bench/README.md for what each measures and the options. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f server/target/entity-store-server.jar || ! -f bench/target/benchmarks.jar || "${REBUILD:-}" == "1" ]]; then
  mvn -B -q -DskipTests package -pl server,bench -am
fi

name="${1:?usage: bench/figure.sh NAME [options] (see bench/README.md)}"
shift
case "$name" in
  jmh)
    exec java -jar bench/target/benchmarks.jar HostWriteBenchmark -f 1 -wi 3 -i 10 -w 2s -r 2s "$@" ;;
  listing-inprocess)
    exec java -Xmx512m -cp bench/target/benchmarks.jar dev.entitystore.bench.ListingBench bench-data/inprocess-host-1000000 1000000 2000 ;;
  *)
    exec java -cp bench/target/benchmarks.jar dev.entitystore.bench.figure.Figure "$name" "$@" ;;
esac
