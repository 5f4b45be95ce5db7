#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the UMCG reference kernel (Debian linux-source-6.1 + our files) or
# take it from the cache.  The bzImage is cached by a hash of its inputs:
# the linux-source package version, every file under linux/, patches/ and
# config/, and this script.
#
# Output: the last line on stdout is the path of the cached bzImage.  Next to
# it: config, release (the kernel release string) and meta.json.
#
# Options:
#   --query   do not build: print the cache directory for the current inputs
#             and exit 0 if it holds a bzImage, else print it and exit 3.
#   --hash    print the input hash and exit.
#   --flavour coverage
#             the coverage flavour: the same kernel with CONFIG_GCOV_KERNEL
#             counting the UMCG code and the files of its hook sites
#             (config/coverage.fragment), built in its own object tree and
#             cached under its own hash, with the .gcno files of the counted
#             objects in gcov/ next to the bzImage.
#
# Environment:
#   UMCG_CACHE_DIR        cache root (default: $HOME/.cache/umcg)
#   UMCG_LINUX_SOURCE_VERSION  Debian version of linux-source-6.1 to use
#                         (default: apt's candidate)
#   UMCG_JOBS             make -j value (default: 2)
#   UMCG_NO_APT=1         never call apt-get (fail if tools are missing)
#   UMCG_FORCE=1          rebuild even if the cache has a matching bzImage
set -euo pipefail

PKG_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${UMCG_CACHE_DIR:-$HOME/.cache/umcg}
JOBS=${UMCG_JOBS:-2}
SRC_PKG=linux-source-6.1

log() { echo "build-kernel: $*" >&2; }
die() { echo "build-kernel: error: $*" >&2; exit 1; }

# Files we own: linux/ is an overlay at kernel-tree paths, copied as is.

need_tools() {
	local missing=() t
	for t in gcc make flex bison bc cpio perl xz patch apt-get dpkg-deb; do
		command -v "$t" >/dev/null 2>&1 || missing+=("$t")
	done
	[ -e /usr/include/libelf.h ] || missing+=(libelf-dev)
	[ -e /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "${UMCG_NO_APT:-}" = 1 ] && die "missing tools: ${missing[*]}"
	[ "$(id -u)" = 0 ] || die "missing tools (${missing[*]}); run as root or install: flex bison libelf-dev bc libssl-dev cpio"
	log "installing build tools (missing: ${missing[*]})"
	apt-get update >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		build-essential flex bison libelf-dev bc libssl-dev cpio xz-utils patch perl >&2
}

MODE=build
FLAVOUR=${UMCG_KERNEL_FLAVOUR:-default}
while [ $# -gt 0 ]; do
	case "$1" in
	--query) MODE=query ;;
	--hash) MODE=hash ;;
	--flavour)
		[ $# -ge 2 ] || die "--flavour needs a value (default or coverage)"
		FLAVOUR=$2
		shift
		;;
	--flavour=*) FLAVOUR=${1#--flavour=} ;;
	*) die "unknown option $1 (use --query, --hash or --flavour coverage)" ;;
	esac
	shift
done
case "$FLAVOUR" in
default | coverage) ;;
*) die "unknown flavour '$FLAVOUR' (default or coverage)" ;;
esac

[ $MODE = build ] && need_tools
mkdir -p "$CACHE/src" "$CACHE/kernels"

# --- which linux-source version -------------------------------------------
VER=${UMCG_LINUX_SOURCE_VERSION:-}
if [ -z "$VER" ]; then
	VER=$(apt-cache policy "$SRC_PKG" 2>/dev/null | awk '/Candidate:/{print $2}')
	if [ -z "$VER" ] || [ "$VER" = "(none)" ]; then
		# Offline or no package lists: use the newest cached .deb.
		VER=$(ls "$CACHE/src" 2>/dev/null | sed -n "s/^${SRC_PKG}_\(.*\)_all\.deb$/\1/p" | sort -V | tail -1)
	fi
	if [ -z "$VER" ] && [ $MODE = build ] && [ "${UMCG_NO_APT:-}" != 1 ] && [ "$(id -u)" = 0 ]; then
		apt-get update >&2
		VER=$(apt-cache policy "$SRC_PKG" | awk '/Candidate:/{print $2}')
	fi
fi
[ -n "$VER" ] && [ "$VER" != "(none)" ] || die "cannot determine the $SRC_PKG version (apt-get update?)"

# --- input hash -------------------------------------------------------------
input_hash() {
	(
		cd "$PKG_DIR"
		echo "$SRC_PKG $VER"
		[ "$FLAVOUR" = default ] || echo "flavour $FLAVOUR"
		find linux patches config scripts/build-kernel.sh -type f \
			! -name '*~' ! -name '.*' | LC_ALL=C sort | while read -r f; do
			echo "$f $(sha256sum <"$f" | cut -d' ' -f1)"
		done
	) | sha256sum | cut -c1-16
}
HASH=$(input_hash)
OUT="$CACHE/kernels/$HASH"
if [ $MODE = hash ]; then
	echo "$HASH"
	exit 0
fi
if [ $MODE = query ]; then
	echo "$OUT"
	[ -f "$OUT/bzImage" ] && exit 0
	exit 3
fi

exec 9>"$CACHE/build.lock"
flock 9
if [ -f "$OUT/bzImage" ] && [ "${UMCG_FORCE:-}" != 1 ]; then
	log "cached: $OUT (inputs unchanged)"
	echo "$OUT/bzImage"
	exit 0
fi

START=$(date +%s)

# --- source tree ------------------------------------------------------------
BASE="$CACHE/linux-$VER"
TREE="$BASE/linux-source-6.1"
OBJ="$BASE/obj"
[ "$FLAVOUR" = default ] || OBJ="$BASE/obj-$FLAVOUR"
DEB="$CACHE/src/${SRC_PKG}_${VER}_all.deb"
if [ ! -f "$TREE/.umcg-extracted" ]; then
	if [ ! -f "$DEB" ]; then
		log "downloading $SRC_PKG=$VER"
		# Run as root, apt warns that _apt cannot write the cache dir.
		(cd "$CACHE/src" && apt-get -o APT::Sandbox::User=root download "$SRC_PKG=$VER" >&2)
	fi
	log "extracting $DEB"
	rm -rf "$BASE.tmp" && mkdir -p "$BASE.tmp/deb"
	dpkg-deb -x "$DEB" "$BASE.tmp/deb"
	tar -xaf "$BASE.tmp/deb/usr/src/$SRC_PKG.tar.xz" -C "$BASE.tmp"
	rm -rf "$BASE.tmp/deb"
	touch "$BASE.tmp/linux-source-6.1/.umcg-extracted"
	rm -rf "$BASE" && mv "$BASE.tmp" "$BASE"
fi

# --- apply our patches ------------------------------------------------------
# Pristine copies of every file a patch ever touched are kept in
# $STATE/orig.  The new patch set is applied to copies of those in a scratch
# directory, and only files whose content changed are copied into the tree,
# so that make rebuilds only what the change affects.
STATE="$TREE/.umcg-state"
mkdir -p "$STATE/orig"
NEW_PATCH=$(mktemp)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$NEW_PATCH" "$SCRATCH"' EXIT
for p in "$PKG_DIR"/patches/*.patch; do
	[ -e "$p" ] && cat "$p"
done >"$NEW_PATCH"
patched_files() {
	if [ -s "$1" ]; then
		sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "$1" | sort -u
	fi
}
if ! cmp -s "$NEW_PATCH" "$STATE/applied.patch" 2>/dev/null; then
	log "applying hook patch"
	FILES=$( (patched_files "$NEW_PATCH"; patched_files "$STATE/applied.patch" 2>/dev/null) | sort -u)
	for f in $FILES; do
		# First time a patch touches it: the tree still has the original.
		if [ ! -e "$STATE/orig/$f" ] && [ ! -e "$STATE/orig/$f.absent" ]; then
			mkdir -p "$(dirname "$STATE/orig/$f")"
			if [ -e "$TREE/$f" ]; then
				cp -p "$TREE/$f" "$STATE/orig/$f"
			else
				touch "$STATE/orig/$f.absent"
			fi
		fi
		mkdir -p "$(dirname "$SCRATCH/$f")"
		[ -e "$STATE/orig/$f" ] && cp -p "$STATE/orig/$f" "$SCRATCH/$f"
	done
	if [ -s "$NEW_PATCH" ]; then
		patch -d "$SCRATCH" -p1 -s --no-backup-if-mismatch <"$NEW_PATCH" >&2 ||
			die "patch does not apply to $SRC_PKG $VER"
	fi
	for f in $FILES; do
		if [ -e "$SCRATCH/$f" ]; then
			cmp -s "$SCRATCH/$f" "$TREE/$f" || cp "$SCRATCH/$f" "$TREE/$f"
		else
			rm -f "$TREE/$f"
		fi
	done
	cp "$NEW_PATCH" "$STATE/applied.patch"
fi

# Copy new files only when their content changed, so make sees no spurious
# updates.
for f in $(cd "$PKG_DIR/linux" && find . -type f ! -name '*~' ! -name '.*' | LC_ALL=C sort); do
	src="$PKG_DIR/linux/${f#./}" dst="$TREE/${f#./}"
	cmp -s "$src" "$dst" 2>/dev/null || install -D -m 0644 "$src" "$dst"
done

# --- configuration ----------------------------------------------------------
FRAG="$PKG_DIR/config/umcg.fragment"
FRAGS=("$FRAG")
[ "$FLAVOUR" = default ] || FRAGS+=("$PKG_DIR/config/$FLAVOUR.fragment")
# Reconfigure only when a fragment or a patched Kconfig file changed.
FRAG_SUM=$( (
	cat "${FRAGS[@]}" | sha256sum
	for k in $(patched_files "$STATE/applied.patch" | grep 'Kconfig'); do
		sha256sum "$TREE/$k"
	done
) | sha256sum | cut -c1-16)
mkdir -p "$OBJ"
if [ "$(cat "$OBJ/.umcg-config-stamp" 2>/dev/null)" != "$FRAG_SUM" ]; then
	log "configuring (tinyconfig + ${FRAGS[*]##*/})"
	make -s -C "$TREE" O="$OBJ" ARCH=x86_64 tinyconfig >&2
	"$TREE/scripts/kconfig/merge_config.sh" -m -O "$OBJ" "$OBJ/.config" "${FRAGS[@]}" >&2
	make -s -C "$TREE" O="$OBJ" ARCH=x86_64 olddefconfig >&2
	bad=0
	while IFS= read -r line; do
		case "$line" in CONFIG_*=*) ;; *) continue ;; esac
		grep -qxF "$line" "$OBJ/.config" || { log "config: wanted '$line', not set"; bad=1; }
	done < <(cat "${FRAGS[@]}")
	[ $bad = 0 ] || die "config fragment not fully applied (see above)"
	echo "$FRAG_SUM" >"$OBJ/.umcg-config-stamp"
fi

# --- build ------------------------------------------------------------------
log "make -j$JOBS bzImage (O=$OBJ)"
make -s -C "$TREE" O="$OBJ" ARCH=x86_64 -j"$JOBS" bzImage >&2
RELEASE=$(make -s -C "$TREE" O="$OBJ" ARCH=x86_64 kernelrelease)
END=$(date +%s)

rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
cp "$OBJ/arch/x86/boot/bzImage" "$OUT.tmp/bzImage"
cp "$OBJ/.config" "$OUT.tmp/config"
echo "$RELEASE" >"$OUT.tmp/release"
if [ "$FLAVOUR" = coverage ]; then
	# The notes files of the counted objects, at their object-tree paths, and
	# the sources they name: what gcov needs next to the guest's counters.
	(cd "$OBJ" && find . -name '*.gcno' -print0) | while IFS= read -r -d '' g; do
		install -D -m 0644 "$OBJ/$g" "$OUT.tmp/gcov/obj/$g"
		c=${g%.gcno}.c
		[ -f "$TREE/$c" ] && install -D -m 0644 "$TREE/$c" "$OUT.tmp/gcov/src/$c"
	done
	[ -n "$(ls -A "$OUT.tmp/gcov/obj" 2>/dev/null)" ] || die "coverage flavour: no .gcno files in $OBJ"
fi
cat >"$OUT.tmp/meta.json" <<EOF
{ "hash": "$HASH", "flavour": "$FLAVOUR", "release": "$RELEASE", "linuxSource": "$SRC_PKG $VER", "objDir": "$OBJ", "srcDir": "$TREE", "buildSeconds": $((END - START)), "builtAt": "$(date -u +%FT%TZ)" }
EOF
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
if [ "$FLAVOUR" = default ]; then
	ln -sfn "$HASH" "$CACHE/kernels/latest"
else
	ln -sfn "$HASH" "$CACHE/kernels/latest-$FLAVOUR"
fi
log "built $RELEASE in $((END - START)) s -> $OUT"
echo "$OUT/bzImage"
