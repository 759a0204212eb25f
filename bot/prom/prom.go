// Package prom reports the bot's counters to Prometheus, through
// prometheus/client_golang, and serves the health check.
package prom

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the bot's collectors in a registry of their own, so that
// two bots in one process (tests) do not collide.
type Metrics struct {
	reg       *prometheus.Registry
	questions *prometheus.CounterVec
	latency   prometheus.Histogram
	reloads   *prometheus.CounterVec
	votes     *prometheus.CounterVec
	reconnect prometheus.Counter
	shed      *prometheus.CounterVec
	facts     prometheus.Gauge
	briefs    prometheus.Gauge

	loaded    atomic.Bool
	connected atomic.Bool
	store     func(context.Context) error // nil until WatchStore
}

// New registers the collectors; dropped, when not nil, reports the
// question log's dropped records.
func New(dropped func() int64) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_questions_total", Help: "Questions asked, by how (command, mention, dm) and outcome (answer, abstain, problem).",
		}, []string{"via", "kind"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "briefbot_answer_seconds", Help: "Time from receiving a question to sending its answer.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_reloads_total", Help: "Reloads of the briefs, by result (ok, failed, busy).",
		}, []string{"result"}),
		votes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_feedback_votes_total", Help: "Feedback votes, by vote (helpful, wrong).",
		}, []string{"vote"}),
		reconnect: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "briefbot_gateway_reconnects_total", Help: "Times the gateway connection dropped and was resumed or reopened.",
		}),
		shed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_interactions_shed_total", Help: "Interactions not handled under load, by reason (expired: too old to acknowledge; busy: too many waiting).",
		}, []string{"reason"}),
		facts:  prometheus.NewGauge(prometheus.GaugeOpts{Name: "briefbot_facts_loaded", Help: "Facts being served."}),
		briefs: prometheus.NewGauge(prometheus.GaugeOpts{Name: "briefbot_briefs_loaded", Help: "Briefs being served."}),
	}
	m.reg.MustRegister(m.questions, m.latency, m.reloads, m.votes, m.reconnect, m.shed, m.facts, m.briefs,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if dropped != nil {
		m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "briefbot_log_writes_dropped_total", Help: "Question-log records dropped because the queue was full or the database failed.",
		}, func() float64 { return float64(dropped()) }))
	}
	return m
}

// Question counts one question and its latency.
func (m *Metrics) Question(via, kind string, latency time.Duration) {
	m.questions.WithLabelValues(via, kind).Inc()
	m.latency.Observe(latency.Seconds())
}

// Reload counts a reload by its result.
func (m *Metrics) Reload(result string) { m.reloads.WithLabelValues(result).Inc() }

// Vote counts a feedback vote.
func (m *Metrics) Vote(helpful bool) {
	v := "wrong"
	if helpful {
		v = "helpful"
	}
	m.votes.WithLabelValues(v).Inc()
}

// Reconnect counts a dropped gateway connection.
func (m *Metrics) Reconnect() { m.reconnect.Inc() }

// Shed counts an interaction dropped under load, by reason.
func (m *Metrics) Shed(reason string) { m.shed.WithLabelValues(reason).Inc() }

// Connected records whether the gateway is connected.
func (m *Metrics) Connected(up bool) { m.connected.Store(up) }

// Loaded records the facts being served.
func (m *Metrics) Loaded(briefs, facts int) {
	m.briefs.Set(float64(briefs))
	m.facts.Set(float64(facts))
	m.loaded.Store(true)
}

// storeCheckTimeout bounds the store's health check, so a scrape or a
// probe answers in time while the database is locked.
const storeCheckTimeout = time.Second

// WatchStore reports the question log's state: the briefbot_store_up
// gauge (1 when check passes) and a "store:" line in /healthz. A failing
// store is reported, not fatal: the bot still answers without it, so
// liveness does not fail. Call it before serving.
func (m *Metrics) WatchStore(check func(context.Context) error) {
	m.store = check
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "briefbot_store_up", Help: "1 when the question log can be read and its last write succeeded, else 0.",
	}, func() float64 {
		if m.checkStore() != nil {
			return 0
		}
		return 1
	}))
}

func (m *Metrics) checkStore() error {
	ctx, cancel := context.WithTimeout(context.Background(), storeCheckTimeout)
	defer cancel()
	return m.store(ctx)
}

// Gatherer is the registry, for tests that compare what it exposes.
func (m *Metrics) Gatherer() prometheus.Gatherer { return m.reg }

// Handler serves /metrics for Prometheus and /healthz: 200 once the facts
// are loaded and the gateway is connected, 503 otherwise, for a load
// balancer or an orchestrator's liveness probe. The body says the store's
// state too, which never changes the status.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		switch {
		case !m.loaded.Load():
			http.Error(w, "facts not loaded", http.StatusServiceUnavailable)
		case !m.connected.Load():
			http.Error(w, "gateway not connected", http.StatusServiceUnavailable)
		default:
			w.Write([]byte("ok\n"))
			if m.store != nil {
				if err := m.checkStore(); err != nil {
					fmt.Fprintf(w, "store: failing: %v\n", err)
				} else {
					w.Write([]byte("store: ok\n"))
				}
			}
		}
	})
	return mux
}
