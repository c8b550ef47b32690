#!/usr/bin/env bash
# Build KTAB's smpc (and the ktab-dump harness) from a KTAB checkout, as used to produce the data in
# this folder. Usage:
#
#   git clone https://github.com/lsyaseen/KTAB ktab && git -C ktab checkout c57b72a0743e8e88da128552c6f8e6459645c53e
#   bash harness/build-ktab.sh ktab
#
# Debian 12 packages needed: g++ cmake qtbase5-dev libqt5sql5-sqlite libtinyxml2-dev libsqlite3-dev
# libeasyloggingpp-dev. Two build-file edits are made in the checkout (nothing in KTAB's model code):
# FindEasyloggingpp.cmake looks for a compiled easylogging++ under /usr/local (we point it at a
# static library built here from Debian's easylogging++ 9.97 source), and the smp library links a
# Qt5::Widgets target that its CMakeLists never finds (dropped; smpc uses only QtCore and QtSql).
# Results: KTAB/examples/smp/smpc and harness/ktab-dump (next to this script).
set -euo pipefail
SRC=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
DEPS=$SRC/_deps
ELPP_FLAGS="-DAUTO_INITIALIZE_EASYLOGGINGPP -DELPP_NO_DEFAULT_LOG_FILE -DELPP_THREAD_SAFE -DELPP_FORCE_USE_STD_THREAD -DELPP_UTC_DATETIME -DELPP_DEFAULT_LOGGING_FLAGS=8192"
JOBS=${JOBS:-2}

mkdir -p "$DEPS/include" "$DEPS/lib"
cp /usr/include/easylogging++.h /usr/include/easylogging++.cc "$DEPS/include/"
c++ -std=c++11 -O2 -fPIC $ELPP_FLAGS -c "$DEPS/include/easylogging++.cc" -o "$DEPS/easylogging++.o"
ar rcs "$DEPS/lib/libeasyloggingpp.a" "$DEPS/easylogging++.o"

sed -i "s#set(LOGGER_INSTALL_DIR /usr/local)#set(LOGGER_INSTALL_DIR $DEPS)#" "$SRC/KTAB/cmakemodules/FindEasyloggingpp.cmake"
sed -i 's/^  Qt5::Widgets$//' "$SRC/examples/smp/CMakeLists.txt"

for lib in kutils kmodel; do
  mkdir -p "$SRC/KTAB/$lib/build"
  (cd "$SRC/KTAB/$lib/build" && cmake .. >cmake.log && make -j"$JOBS" "$lib" >make.log)
done
mkdir -p "$SRC/examples/smp/build"
(cd "$SRC/examples/smp/build" && cmake .. -DENABLE_QT_SMPQ_GUI=false -DENABLE_QT_SASQ_GUI=false >cmake.log && make -j"$JOBS" smpc >make.log)

QT=/usr/include/x86_64-linux-gnu/qt5
c++ $ELPP_FLAGS -DQT_CORE_LIB -DQT_SQL_LIB -pthread -std=c++11 -g -fPIC \
  -I"$SRC/KTAB/kutils/libsrc" -I"$SRC/KTAB/kmodel/libsrc" -I"$SRC/examples/smp/libsrc" -I"$DEPS/include" \
  -isystem "$QT" -isystem "$QT/QtCore" -isystem "$QT/QtSql" \
  "$HERE/ktab-dump.cpp" -o "$HERE/ktab-dump" \
  "$SRC/examples/smp/libsmp.a" "$SRC/KTAB/kmodel/libkmodel.a" "$SRC/KTAB/kutils/libkutils.a" \
  -lsqlite3 -ltinyxml2 "$DEPS/lib/libeasyloggingpp.a" -lQt5Sql -lQt5Core
echo "built: $SRC/examples/smp/smpc $HERE/ktab-dump"
