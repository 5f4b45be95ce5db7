// SPDX-License-Identifier: GPL-2.0
/*
 * UMCG selftest: stress.  Two servers with two workers each; the workers
 * block at random (nanosleep, futex waits), make non-blocking syscalls,
 * yield, fault pages in and spin; the servers preempt them every few ms
 * with UMCG_TF_PREEMPT + sys_umcg_kick().  A watchdog fails the test if any
 * worker makes no progress for 5 s ("lost worker").
 *
 * Usage: umcg_stress [seconds]   (default 12)
 */
#include <linux/futex.h>
#include "umcg_lib.h"

#define NSERVERS 2
#define WPS 2			/* workers per server */

static struct umcg_task *tasks;
static struct server servers[NSERVERS];
static struct worker workers[NSERVERS][WPS];
static atomic_int stop;
static atomic_int servers_done;
static atomic_ulong nblock_ops, nyields, nsyscalls, nfaults;
static uint32_t futex_word;

static void rand_step(struct worker *w, unsigned int *seed)
{
	unsigned int r = rand_r(seed) % 100;

	if (r < 25) {
		struct timespec ts = { 0, (rand_r(seed) % 1000) * 1000 };

		nanosleep(&ts, NULL);
		atomic_fetch_add(&nblock_ops, 1);
	} else if (r < 32) {
		struct timespec ts = { 0, 100000 };

		syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, &ts,
			NULL, 0);
		atomic_fetch_add(&nblock_ops, 1);
	} else if (r < 45) {
		getppid();
		sched_yield();
		atomic_fetch_add(&nsyscalls, 1);
	} else if (r < 65) {
		atomic_fetch_add(&nyields, 1);
		worker_yield(w);
	} else if (r < 70) {
		char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p != MAP_FAILED) {
			p[0] = 1;
			p[4096] = 2;
			munmap(p, 8192);
		}
		atomic_fetch_add(&nfaults, 1);
	} else {
		uint64_t end = now_ns(CLOCK_MONOTONIC) +
			       (rand_r(seed) % 200) * 1000;

		while (now_ns(CLOCK_MONOTONIC) < end)
			;
	}
}

static void stress_fn(struct worker *w)
{
	unsigned int seed = 1234u + w->idx * 77u + w->srv->tid;

	while (!atomic_load(&stop)) {
		rand_step(w, &seed);
		atomic_fetch_add(&w->progress, 1);
	}
}

static void *server_thread(void *arg)
{
	struct server *s = arg;
	int si = (int)(s - servers), i;

	if (server_register(s, &tasks[si * (WPS + 1)], CLOCK_MONOTONIC)) {
		s->error = 1;
		atomic_fetch_add(&servers_done, 1);
		return NULL;
	}
	s->tick_ns = 3000000;	/* preempt every 3 ms */
	for (i = 0; i < WPS; i++)
		server_add_worker(s, &workers[si][i],
				  &tasks[si * (WPS + 1) + 1 + i], stress_fn, NULL);
	server_run(s);
	for (i = 0; i < WPS; i++)
		pthread_join(workers[si][i].thread, NULL);
	if (umcg_ctl(UMCG_CTL_UNREGISTER, s->ut, 0))
		s->error = 1;
	atomic_fetch_add(&servers_done, 1);
	return NULL;
}

static void dump(void)
{
	int si, i;

	for (si = 0; si < NSERVERS; si++) {
		struct server *s = &servers[si];

		diag("server %d: state %#x next %#x list %#llx cur %d", s->tid,
		     load_state(s->ut), s->ut->next_tid,
		     (unsigned long long)s->ut->runnable_workers_ptr,
		     s->cur ? s->cur->tid : 0);
		for (i = 0; i < WPS; i++) {
			struct worker *w = &workers[si][i];

			diag("  worker %d: state %#x next %#x progress %lu",
			     w->tid, load_state(w->ut), w->ut->next_tid,
			     atomic_load(&w->progress));
		}
	}
}

int main(int argc, char **argv)
{
	int secs = argc > 1 ? atoi(argv[1]) : 12;
	unsigned long last[NSERVERS][WPS] = { { 0 } };
	uint64_t since[NSERVERS][WPS];
	uint64_t t0, end;
	pthread_t th[NSERVERS];
	int si, i, lost = 0, ok;
	unsigned long total = 0;

	tasks = alloc_tasks(NSERVERS * (WPS + 1));
	tap_header("umcg_stress", -1);
	diag("%d servers x %d workers, %d s, random blocking + preemption",
	     NSERVERS, WPS, secs);

	t0 = now_ns(CLOCK_MONOTONIC);
	for (si = 0; si < NSERVERS; si++) {
		pthread_create(&th[si], NULL, server_thread, &servers[si]);
		for (i = 0; i < WPS; i++)
			since[si][i] = t0;
	}

	end = t0 + (uint64_t)secs * 1000000000ull;
	while (!lost && now_ns(CLOCK_MONOTONIC) < end) {
		uint64_t now;

		sleep_ms(200);
		now = now_ns(CLOCK_MONOTONIC);
		for (si = 0; si < NSERVERS; si++) {
			for (i = 0; i < WPS; i++) {
				unsigned long p =
					atomic_load(&workers[si][i].progress);

				if (p != last[si][i]) {
					last[si][i] = p;
					since[si][i] = now;
				} else if (now - since[si][i] > 5000000000ull) {
					diag("worker %d.%d made no progress for 5 s",
					     si, i);
					lost = 1;
				}
			}
		}
	}
	atomic_store(&stop, 1);
	if (lost)
		dump();

	/* All workers must finish and unregister, and the servers exit. */
	end = now_ns(CLOCK_MONOTONIC) + 10000000000ull;
	while (atomic_load(&servers_done) < NSERVERS &&
	       now_ns(CLOCK_MONOTONIC) < end)
		sleep_ms(50);
	ok = atomic_load(&servers_done) == NSERVERS;
	if (!ok) {
		diag("servers did not finish");
		dump();
	}

	for (si = 0; si < NSERVERS; si++)
		for (i = 0; i < WPS; i++)
			total += atomic_load(&workers[si][i].progress);

	tap_result(!lost, "stress: no lost worker for %d s (%lu steps)", secs,
		   total);
	tap_result(ok, "stress: every worker unregistered, servers exited");
	for (si = 0; ok && si < NSERVERS; si++) {
		struct server *s = &servers[si];
		bool wok = !s->error;

		for (i = 0; i < WPS; i++)
			wok &= workers[si][i].result == 0 &&
			       atomic_load(&workers[si][i].progress) > 0;
		tap_result(wok,
			   "stress: server %d clean: %lu switches, %lu blocks seen, %lu preemptions",
			   si, atomic_load(&s->nswitches),
			   atomic_load(&s->nblocks), atomic_load(&s->npreempts));
	}
	diag("blocking ops %lu, yields %lu, syscalls %lu, page faults %lu",
	     atomic_load(&nblock_ops), atomic_load(&nyields),
	     atomic_load(&nsyscalls), atomic_load(&nfaults));
	if (!ok)
		_exit(tap_finish());	/* threads may be stuck: do not join */
	for (si = 0; si < NSERVERS; si++)
		pthread_join(th[si], NULL);
	return tap_finish();
}
