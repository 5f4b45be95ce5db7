{
  "targets": [
    {
      "target_name": "umcg_native",
      "sources": [
        "csrc/addon.c",
        "csrc/buf.c",
        "csrc/parse.c",
        "csrc/task.c",
        "csrc/prefault.c",
        "csrc/observe.c",
        "csrc/run.c",
        "csrc/probe.c",
        "csrc/session.c"
      ],
      "cflags": ["-std=gnu11", "-O2", "-pthread", "-Wall", "-Wno-unused-parameter"],
      "ldflags": ["-pthread", "-Wl,-z,now"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
