(define (problem p)
  (:domain base)
  (:objects a - block t1 - table)
  (:init (clear a) (on a floor) (holding t1) (hand-empty))
;                                        ^ PDDL016
  (:goal (holding a)))
