using RoboLam.Planning.Heuristics;
using RoboLam.Planning.Search;

namespace RoboLam.Planning.Tests;

public sealed class PriorityQueueTests
{
    [Fact]
    public void Bucket_queue_pops_in_key_order_across_buckets_and_overflow()
    {
        var queue = new BucketQueue();
        var random = new Random(3);
        for (var round = 0; round < 3; round++)
        {
            queue.Clear();
            var popped = new List<int>();
            var lastKey = 0;
            for (var step = 0; step < 2000; step++)
            {
                if (queue.Count == 0 || random.Next(3) > 0)
                {
                    // Monotone use, as in Dijkstra: new keys are never below the last popped one.
                    var key = lastKey + (random.Next(10) == 0 ? 100_000 + random.Next(1000) : random.Next(20));
                    queue.Push(key, key);
                }
                else
                {
                    var item = queue.Pop(out var key);
                    Assert.Equal(key, item);
                    Assert.True(key >= lastKey);
                    lastKey = key;
                    popped.Add(key);
                }
            }

            Assert.NotEmpty(popped);
        }
    }

    [Fact]
    public void Open_heap_breaks_ties_first_in_first_out()
    {
        var heap = new OpenHeap();
        heap.Push(5, 1);
        heap.Push(3, 2);
        heap.Push(5, 3);
        heap.Push(3, 4);
        heap.Push(4, 5);
        var order = new List<long>();
        while (heap.Count > 0)
        {
            order.Add(heap.Pop());
        }

        Assert.Equal([2L, 4L, 5L, 1L, 3L], order);
    }

    [Fact]
    public void Alternation_uses_lists_in_turn_and_boosting_favours_preferred_lists()
    {
        var open = new AlternationOpenList([false, true]);
        for (var item = 0; item < 10; item++)
        {
            open.Push(0, item, item);
            open.Push(1, item, 100 + item);
        }

        var firstFour = Enumerable.Range(0, 4).Select(_ => open.TryPop(out var payload) ? payload : -1).ToList();
        Assert.Equal([0L, 100L, 1L, 101L], firstFour);
        open.BoostPreferred(3);
        var boosted = Enumerable.Range(0, 3).Select(_ => open.TryPop(out var payload) ? payload : -1).ToList();
        Assert.All(boosted, payload => Assert.True(payload >= 100));
    }
}
