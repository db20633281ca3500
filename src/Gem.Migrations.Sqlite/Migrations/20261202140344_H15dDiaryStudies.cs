using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class H15dDiaryStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DiaryExtraAnswers",
                columns: table => new
                {
                    MomentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryExtraAnswers", x => new { x.MomentId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_DiaryExtraAnswers_DiaryMoments_MomentId",
                        column: x => x.MomentId,
                        principalTable: "DiaryMoments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiaryStudies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtocolJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryStudies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiaryStudyExportLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryStudyExportLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiaryStudyExportLogs_DiaryStudies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "DiaryStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiaryStudyParticipations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryStudyParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiaryStudyParticipations_Diaries_DiaryId",
                        column: x => x.DiaryId,
                        principalTable: "Diaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DiaryStudyParticipations_DiaryStudies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "DiaryStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiaryExtraAnswers_OwnerId",
                table: "DiaryExtraAnswers",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_DiaryStudyExportLogs_StudyId_At",
                table: "DiaryStudyExportLogs",
                columns: new[] { "StudyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DiaryStudyParticipations_DiaryId",
                table: "DiaryStudyParticipations",
                column: "DiaryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiaryStudyParticipations_OwnerId",
                table: "DiaryStudyParticipations",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_DiaryStudyParticipations_StudyId_DiaryId",
                table: "DiaryStudyParticipations",
                columns: new[] { "StudyId", "DiaryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiaryExtraAnswers");

            migrationBuilder.DropTable(
                name: "DiaryStudyExportLogs");

            migrationBuilder.DropTable(
                name: "DiaryStudyParticipations");

            migrationBuilder.DropTable(
                name: "DiaryStudies");
        }
    }
}
