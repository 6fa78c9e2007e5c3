(define (domain d)
  (:requirements :strips)
  (:predicates (p ?x) (q ?x))
  (:action a :parameters (?x) :precondition (or (p ?x) (q ?x)) :effect (q ?x)))
;                                           ^ PDDL018
