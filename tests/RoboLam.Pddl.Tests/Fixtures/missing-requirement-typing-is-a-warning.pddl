(define (domain d)
  (:types block)
;@ 2:11 warning PDDL018
  (:predicates (clear ?b - block))
  (:action a :parameters (?b - block) :precondition (clear ?b) :effect (not (clear ?b))))
