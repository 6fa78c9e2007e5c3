(define (problem p)
;@ 1:1 PDDL019
  (:domain blocksworld)
  (:objects a - block)
  (:init (clear a) (on a floor) (hand-empty))
  (:goal (holding a)))
