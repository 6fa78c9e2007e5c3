; The line order: drill and paint parts 1-3 blue, inspect them, send them out (sim/factory-order.json).
(define (problem factory-p05)
  (:domain factory)
  (:objects p1 p2 p3 - part
            input drill paint inspect output - station
            red blue green - color)
  (:init (at p1 input) (at p2 input) (at p3 input)
         (input-station input) (drilling-station drill) (painting-station paint)
         (inspection-station inspect) (output-station output)
         (conveyor input drill) (conveyor drill paint) (conveyor paint inspect) (conveyor inspect output)
         (= (total-cost) 0))
  (:goal (and (drilled p1) (painted p1 blue) (inspected p1) (at p1 output)
              (drilled p2) (painted p2 blue) (inspected p2) (at p2 output)
              (drilled p3) (painted p3 blue) (inspected p3) (at p3 output)))
  (:metric minimize (total-cost)))
