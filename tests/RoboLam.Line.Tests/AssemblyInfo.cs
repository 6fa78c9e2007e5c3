// Every test here runs brokers, MQTT clients and an actor system on real time: one at a time, so a loaded CI
// machine slows them down evenly instead of starving one test's device past its ack timeout.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
