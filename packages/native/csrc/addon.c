/* SPDX-License-Identifier: MIT */
/*
 * N-API addon: runLines(requestLines) and probe() run the executor on a libuv
 * worker thread (napi_async_work) and resolve a Promise with the response lines.
 */
#include <stdlib.h>
#include <string.h>
#include <node_api.h>
#include "exec.h"

struct job {
	napi_async_work	work;
	napi_deferred	deferred;
	char		*in;
	struct ux_buf	out;
};

static void execute(napi_env env, void *data)
{
	struct job *j = data;
	struct ux_session s;
	char *line = j->in, *nl;

	(void)env;
	ux_session_init(&s);
	while (line && *line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		if (nl && nl > line && nl[-1] == '\r')
			nl[-1] = 0;
		ux_session_line(&s, line, &j->out);
		line = nl ? nl + 1 : NULL;
	}
	ux_session_free(&s);
}

static void complete(napi_env env, napi_status status, void *data)
{
	struct job *j = data;
	napi_value v;

	if (status == napi_ok &&
	    napi_create_string_utf8(env, j->out.p ? j->out.p : "", j->out.len, &v) == napi_ok) {
		napi_resolve_deferred(env, j->deferred, v);
	} else {
		napi_value msg, err;

		napi_create_string_utf8(env, "umcg-exec: the job failed", NAPI_AUTO_LENGTH, &msg);
		napi_create_error(env, NULL, msg, &err);
		napi_reject_deferred(env, j->deferred, err);
	}
	napi_delete_async_work(env, j->work);
	free(j->in);
	ux_buf_free(&j->out);
	free(j);
}

static napi_value start(napi_env env, const char *text, size_t len)
{
	struct job *j = calloc(1, sizeof(*j));
	napi_value promise, name;

	if (!j)
		return NULL;
	j->in = malloc(len + 1);
	if (!j->in) {
		free(j);
		return NULL;
	}
	memcpy(j->in, text, len);
	j->in[len] = 0;
	napi_create_promise(env, &j->deferred, &promise);
	napi_create_string_utf8(env, "umcg-exec", NAPI_AUTO_LENGTH, &name);
	napi_create_async_work(env, NULL, name, execute, complete, j, &j->work);
	napi_queue_async_work(env, j->work);
	return promise;
}

static napi_value run_lines(napi_env env, napi_callback_info info)
{
	size_t argc = 1, len = 0;
	napi_value argv[1], ret;
	char *buf;

	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	if (argc < 1 || napi_get_value_string_utf8(env, argv[0], NULL, 0, &len) != napi_ok) {
		napi_throw_type_error(env, NULL, "runLines(requestLines: string)");
		return NULL;
	}
	buf = malloc(len + 1);
	if (!buf)
		return NULL;
	napi_get_value_string_utf8(env, argv[0], buf, len + 1, &len);
	ret = start(env, buf, len);
	free(buf);
	return ret;
}

static napi_value probe(napi_env env, napi_callback_info info)
{
	(void)info;
	return start(env, "probe\n", 6);
}

static napi_value init(napi_env env, napi_value exports)
{
	napi_property_descriptor props[] = {
		{ "runLines", NULL, run_lines, NULL, NULL, NULL, napi_enumerable, NULL },
		{ "probe", NULL, probe, NULL, NULL, NULL, napi_enumerable, NULL },
	};

	napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
	return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
