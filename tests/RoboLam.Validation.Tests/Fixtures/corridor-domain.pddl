; Test fixture for derived predicates: rooms along a corridor, doors the robot opens.
; reachable is a recursive axiom; isolated negates it (a higher stratum).
(define (domain corridor)
  (:requirements :typing :negative-preconditions :disjunctive-preconditions
                 :existential-preconditions :derived-predicates)
  (:types room)
  (:predicates (at ?r - room) (link ?a ?b - room) (open ?a ?b - room)
               (visited ?r - room) (reachable ?r - room) (isolated ?r - room))

  (:derived (reachable ?r - room)
    (or (at ?r) (exists (?s - room) (and (reachable ?s) (open ?s ?r)))))

  (:derived (isolated ?r - room)
    (not (reachable ?r)))

  (:action open-door
    :parameters (?a ?b - room)
    :precondition (and (reachable ?a) (link ?a ?b))
    :effect (and (open ?a ?b) (open ?b ?a)))

  (:action go
    :parameters (?from ?to - room)
    :precondition (and (at ?from) (reachable ?to))
    :effect (and (not (at ?from)) (at ?to)))

  (:action visit
    :parameters (?r - room)
    :precondition (at ?r)
    :effect (visited ?r)))
