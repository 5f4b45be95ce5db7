{
  "targets": [
    {
      "target_name": "umcg_native",
      "sources": ["<!@(make -s --no-print-directory -C csrc print-gyp-sources)"],
      "include_dirs": ["<!@(make -s --no-print-directory -C csrc print-gyp-includes)"],
      "cflags": ["-std=gnu11", "-O2", "-pthread", "-Wall", "-Wno-unused-parameter"],
      "ldflags": ["-pthread", "-Wl,-z,now"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
