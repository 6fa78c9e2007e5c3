(define (problem p)
  (:domain base)
  (:objects a - block)
  (:init (clear a) (on a floor) (hand-empty))
  (:goal (holding ?b)))
;                 ^ PDDL014
