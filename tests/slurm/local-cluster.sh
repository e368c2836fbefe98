#!/usr/bin/env bash
# A real single-node Slurm cluster for tests and CI: munged, slurmctld and slurmd started by hand
# (no systemd), configured in a private folder through SLURM_CONF instead of /etc/slurm.
#
#   tests/slurm/local-cluster.sh up|down|status
#
# The folder is $HYBRIDQ_SLURM_DIR (default /tmp/hybridq-slurm); clients reach the cluster with
# SLURM_CONF=<folder>/slurm.conf. 'up' installs Debian's slurm-wlm and munge when they are missing,
# is idempotent, and waits until the node is idle; 'down' stops exactly the processes 'up' started
# (their PID files, checked against the process name). No accounting daemon (slurmdbd): sacct answers
# "accounting storage is disabled"; state comes from squeue.
#
# Exit codes: 0 done (status: up), 1 failed (status: down), 2 usage, 3 cannot run here (not root,
# no apt-get, or the packages could not be installed); one line on stderr says why.
set -euo pipefail

readonly unavailable=3
dir=${HYBRIDQ_SLURM_DIR:-/tmp/hybridq-slurm}
ctld_port=${HYBRIDQ_SLURM_PORT:-6817}
conf=$dir/slurm.conf
export SLURM_CONF=$conf

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: $*" >&2; exit 1; }
cannot() { echo "local-cluster: $*" >&2; exit "$unavailable"; }

# The PID recorded in a file, if that process is alive and has the expected name.
live_pid() {
  local file=$1 name=$2 pid
  [[ -s $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  [[ -n $pid && -r /proc/$pid/comm ]] || return 1
  [[ $(cat "/proc/$pid/comm") == "$name" ]] || return 1
  echo "$pid"
}

# Daemon name and PID file, in start order.
daemons() {
  echo "munged $dir/munge/munged.pid"
  echo "slurmctld $dir/slurmctld.pid"
  echo "slurmd $dir/slurmd.pid"
}

node_state() { sinfo -h -n localhost -o '%T' 2>/dev/null | head -n 1; }

all_running() {
  local name file
  while read -r name file; do
    live_pid "$file" "$name" >/dev/null || return 1
  done < <(daemons)
}

stop_all() {
  local name file pid waited
  # Reverse order: slurmd, slurmctld, then munged which both use.
  while read -r name file; do
    if pid=$(live_pid "$file" "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      for waited in $(seq 1 50); do
        [[ -d /proc/$pid ]] || break
        sleep 0.2
      done
      if [[ -d /proc/$pid ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
      say "stopped $name ($pid)"
    fi
    rm -f "$file"
  done < <(daemons | tac)
}

install_packages() {
  local missing=()
  for command in munged slurmctld slurmd sbatch; do
    command -v "$command" >/dev/null || missing+=("$command")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || cannot "Slurm is not installed (${missing[*]} missing) and apt-get is unavailable"
  say "installing slurm-wlm and munge with apt-get"
  mkdir -p "$dir"
  local log=$dir/apt.log
  export DEBIAN_FRONTEND=noninteractive
  # The lock timeout: another apt-get on a shared machine is waited for, not failed on.
  if ! apt-get -o DPkg::Lock::Timeout=600 install -y -qq slurm-wlm munge >"$log" 2>&1; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq >>"$log" 2>&1 || true
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq slurm-wlm munge >>"$log" 2>&1 \
      || cannot "apt-get could not install slurm-wlm and munge: $(tail -n 1 "$log")"
  fi
}

write_config() {
  local cpus memory
  cpus=$(nproc)
  # 95 % of physical memory: a node configured with more memory than slurmd finds is drained.
  memory=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.95 }' /proc/meminfo)
  mkdir -p "$dir/munge" "$dir/munge-socket" "$dir/ctld" "$dir/slurmd" "$dir/log"
  # munged refuses keys readable by others; its socket folder must be reachable by every job's user.
  chmod 700 "$dir/munge"
  chmod 755 "$dir" "$dir/munge-socket"
  if [[ ! -s $dir/munge/munge.key ]]; then
    dd if=/dev/urandom bs=1 count=1024 of="$dir/munge/munge.key" status=none
  fi
  chmod 400 "$dir/munge/munge.key"
  cat >"$conf.new" <<EOF
# Written by tests/slurm/local-cluster.sh; rewritten by every 'up'.
ClusterName=local
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge-socket/munge.socket.2
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/slurmd
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ReturnToService=2
NodeName=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.new" "$conf"
}

start_all() {
  local socket=$dir/munge-socket/munge.socket.2
  munged --force --key-file="$dir/munge/munge.key" --socket="$socket" --pid-file="$dir/munge/munged.pid" \
    --seed-file="$dir/munge/munged.seed" --log-file="$dir/log/munged.log" \
    || fail "munged did not start: $(tail -n 1 "$dir/log/munged.log" 2>/dev/null)"
  # -c: a fresh cluster forgets the jobs of an earlier one; a recovered job still completing would
  # hold a CPU that the tests expect to be free.
  slurmctld -c || fail "slurmctld did not start: $(tail -n 1 "$dir/log/slurmctld.log" 2>/dev/null)"
  # -N: the node is 'localhost' whatever this machine's host name is.
  slurmd -N localhost || fail "slurmd did not start: $(tail -n 1 "$dir/log/slurmd.log" 2>/dev/null)"
}

wait_idle() {
  local state="" tries
  for tries in $(seq 1 120); do
    state=$(node_state || true)
    [[ $state == idle || $state == mixed || $state == allocated ]] && return 0
    sleep 0.5
  done
  fail "the node did not become idle in 60 s (state '${state:-none}'); logs in $dir/log"
}

up() {
  [[ $(id -u) -eq 0 ]] || cannot "needs root to install and start munged, slurmctld and slurmd"
  install_packages
  if all_running && [[ -n $(node_state || true) ]]; then
    say "already up; export SLURM_CONF=$conf"
    return 0
  fi
  stop_all >/dev/null
  write_config
  start_all
  wait_idle
  say "up; export SLURM_CONF=$conf"
}

status() {
  local name file pid down=0
  while read -r name file; do
    if pid=$(live_pid "$file" "$name"); then
      say "$name running ($pid)"
    else
      say "$name not running"
      down=1
    fi
  done < <(daemons)
  [[ $down -eq 0 ]] || return 1
  say "node localhost: $(node_state || echo unknown); SLURM_CONF=$conf"
}

case "${1:-}" in
  up) up ;;
  down) stop_all; say "down" ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
