; World factory-1: paint parts 2 and 3 blue, inspect every part, and ship the drilled part p4.
(define (problem factory-p02)
  (:domain factory)
  (:objects p1 p2 p3 p4 - part
            input drill paint inspect output - station
            red blue green - color)
  (:init (at p1 input) (at p2 input) (at p3 input) (at p4 input)
         (drilled p4)
         (input-station input) (drilling-station drill) (painting-station paint)
         (inspection-station inspect) (output-station output)
         (conveyor input drill) (conveyor drill paint) (conveyor paint inspect) (conveyor inspect output)
         (= (total-cost) 0))
  (:goal (and (painted p2 blue) (painted p3 blue)
              (inspected p1) (inspected p2) (inspected p3) (inspected p4)
              (at p4 output)))
  (:metric minimize (total-cost)))
