; Factory line: parts move between stations and get drilled, painted and inspected.
; A station's role is a static fact made from its label; parts move by conveyor along static links
; (cheap) or by robot transfer between any two stations (dearer), so every station is reachable.
; The goal vocabulary (at, drilled, painted, inspected) is fixed by the intent layer.
(define (domain factory)
  (:requirements :strips :typing :negative-preconditions :equality
                 :universal-preconditions :action-costs)
  (:types part station color - object)

  (:predicates
    (at ?p - part ?s - station)          ; part p is at station s
    (drilled ?p - part)                  ; p has been drilled
    (painted ?p - part ?c - color)       ; p carries a coat of colour c
    (inspected ?p - part)                ; p passed inspection and has not been worked on since
    ; Static facts, one per station label.
    (input-station ?s - station)
    (drilling-station ?s - station)
    (painting-station ?s - station)
    (inspection-station ?s - station)
    (output-station ?s - station)
    (conveyor ?from - station ?to - station))

  (:functions (total-cost) - number)

  ; Move a part one link along a conveyor.
  (:action convey
    :parameters (?p - part ?from - station ?to - station)
    :precondition (and (at ?p ?from) (conveyor ?from ?to))
    :effect (and (at ?p ?to) (not (at ?p ?from))
                 (increase (total-cost) 1)))

  ; The robot carries a part between any two stations.
  (:action transfer
    :parameters (?p - part ?from - station ?to - station)
    :precondition (and (at ?p ?from) (not (= ?from ?to)))
    :effect (and (at ?p ?to) (not (at ?p ?from))
                 (increase (total-cost) 4)))

  ; Drilling changes the part, so an earlier inspection no longer counts.
  (:action drill
    :parameters (?p - part ?s - station)
    :precondition (and (at ?p ?s) (drilling-station ?s) (not (drilled ?p)))
    :effect (and (drilled ?p) (not (inspected ?p))
                 (increase (total-cost) 2)))

  ; Coat a bare part.
  (:action paint
    :parameters (?p - part ?s - station ?c - color)
    :precondition (and (at ?p ?s) (painting-station ?s)
                       (forall (?other - color) (not (painted ?p ?other))))
    :effect (and (painted ?p ?c) (not (inspected ?p))
                 (increase (total-cost) 2)))

  ; Strip the old coat and paint a different colour: dearer than a first coat, and only for a real change.
  (:action repaint
    :parameters (?p - part ?s - station ?old - color ?new - color)
    :precondition (and (at ?p ?s) (painting-station ?s) (painted ?p ?old) (not (= ?old ?new)))
    :effect (and (painted ?p ?new) (not (painted ?p ?old)) (not (inspected ?p))
                 (increase (total-cost) 5)))

  (:action inspect
    :parameters (?p - part ?s - station)
    :precondition (and (at ?p ?s) (inspection-station ?s) (not (inspected ?p)))
    :effect (and (inspected ?p)
                 (increase (total-cost) 1))))
