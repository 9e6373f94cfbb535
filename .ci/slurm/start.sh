#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for the pipeline's SLURM test (SlurmIT) and for trying
# `-profile slurm` by hand: installs Debian's slurm-wlm and munge if missing, writes
# /etc/slurm/slurm.conf for this host (all its cores, 90% of its memory, one partition `debug`),
# starts munged, slurmctld and slurmd, and waits until the node is idle. Needs root (or sudo) and no
# systemd: the daemons run in the background and stop.sh stops them by their PIDs.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then exec sudo -n "$0" "$@"; fi
if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then sinfo; exit 0; fi   # already up
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(free -m | awk '/^Mem:/{print $2}') * 9 / 10 ))
mkdir -p /etc/slurm /run/munge /run/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
chown munge:munge /run/munge; chmod 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
fi
# No accounting database and no cgroups (the machines this runs on have hybrid cgroups): plain
# process tracking. EnforcePartLimits refuses a job larger than the node instead of queueing it for
# ever; MinJobAge keeps finished jobs visible to `scontrol show job` for 5 minutes (the test reads them).
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
InactiveLimit=0
KillWait=30
MinJobAge=300
Waittime=0
EnforcePartLimits=ALL
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
runuser -u munge -- /usr/sbin/munged
munge -n | unmunge >/dev/null
slurmctld
slurmd
for _ in $(seq 1 60); do
  sinfo -h -o %T 2>/dev/null | grep -qE '^idle' && break
  sleep 0.5
done
sinfo
